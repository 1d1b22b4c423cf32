package io.pmip.protocol.codec;

import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.option.AccessTechnologyTypeOption;
import io.pmip.protocol.mh.option.AlternateCareOfAddress;
import io.pmip.protocol.mh.option.AlternateIpv4CareOfAddress;
import io.pmip.protocol.mh.option.BindingRefreshAdvice;
import io.pmip.protocol.mh.option.FlowIdentification;
import io.pmip.protocol.mh.option.FlowSummary;
import io.pmip.protocol.mh.option.GreKey;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.Ipv4CareOfAddress;
import io.pmip.protocol.mh.option.Ipv4DefaultRouterAddress;
import io.pmip.protocol.mh.option.Ipv4DhcpSupportMode;
import io.pmip.protocol.mh.option.Ipv4HomeAddressReply;
import io.pmip.protocol.mh.option.Ipv4HomeAddressRequest;
import io.pmip.protocol.mh.option.LinkLocalAddress;
import io.pmip.protocol.mh.option.LoadInformation;
import io.pmip.protocol.mh.option.MagIpv6Address;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobileNodeLinkLayerIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.mh.option.Redirect;
import io.pmip.protocol.mh.option.RedirectCapability;
import io.pmip.protocol.mh.option.RestartCounter;
import io.pmip.protocol.mh.option.Timestamp;
import io.pmip.protocol.mh.option.UnknownOption;
import java.util.ArrayList;
import java.util.List;

/** Data layout of each mobility option (everything after Type and Length), both directions. */
final class OptionCodec {
    private OptionCodec() {
    }

    /** Writes the option's data (not Type/Length). */
    static void encodeData(MobilityOption option, WireWriter w) {
        if (option instanceof BindingRefreshAdvice o) {
            w.u16(o.refreshInterval());
        } else if (option instanceof AlternateCareOfAddress o) {
            w.bytes(o.address().getAddress());
        } else if (option instanceof MobileNodeIdentifier o) {
            w.u8(o.subtype());
            w.bytes(o.identifier().toArray());
        } else if (option instanceof HomeNetworkPrefixOption o) {
            w.u8(0);
            w.u8(o.prefix().length());
            w.bytes(o.prefix().address());
        } else if (option instanceof HandoffIndicatorOption o) {
            w.u8(0);
            w.u8(o.handoffIndicatorCode());
        } else if (option instanceof AccessTechnologyTypeOption o) {
            w.u8(0);
            w.u8(o.accessTechnologyTypeCode());
        } else if (option instanceof MobileNodeLinkLayerIdentifier o) {
            w.u16(0);
            w.bytes(o.identifier().toArray());
        } else if (option instanceof LinkLocalAddress o) {
            w.bytes(o.address().getAddress());
        } else if (option instanceof Timestamp o) {
            w.u64(o.value());
        } else if (option instanceof RestartCounter o) {
            w.u32(o.counter());
        } else if (option instanceof Ipv4CareOfAddress o) {
            w.u16(0);
            w.bytes(o.address().getAddress());
        } else if (option instanceof GreKey o) {
            w.u16(0);
            if (o.keyPresent()) {
                w.u32(o.key());
            }
        } else if (option instanceof Ipv4HomeAddressRequest o) {
            w.u16(o.prefixLength() << 10); // RFC 5844 3.3.1: 6-bit Prefix-len, 10 reserved bits
            w.bytes(o.address().getAddress());
        } else if (option instanceof Ipv4HomeAddressReply o) {
            w.u8(o.statusCode());
            w.u8(o.prefixLength() << 2); // RFC 5844 3.3.2: 6-bit Prefix-len, 2 reserved bits
            w.bytes(o.address().getAddress());
        } else if (option instanceof Ipv4DefaultRouterAddress o) {
            w.u16(0);
            w.bytes(o.address().getAddress());
        } else if (option instanceof Ipv4DhcpSupportMode o) {
            w.u16(o.dhcpServer() ? 1 : 0); // RFC 5844 3.3.4: S is the last bit
        } else if (option instanceof FlowSummary o) {
            o.flowIdentifiers().forEach(w::u16);
        } else if (option instanceof FlowIdentification o) {
            w.u16(o.flowIdentifier());
            w.u16(o.flowPriority());
            w.u8(0);
            w.u8(o.statusCode());
            w.bytes(o.subOptions().toArray());
        } else if (option instanceof RedirectCapability) {
            w.u16(0);
        } else if (option instanceof Redirect o) {
            w.u16((o.k() ? Redirect.FLAG_K : 0) | (o.n() ? Redirect.FLAG_N : 0));
            if (o.k()) {
                w.bytes(o.ipv6Address().getAddress());
            }
            if (o.n()) {
                w.bytes(o.ipv4Address().getAddress());
            }
        } else if (option instanceof LoadInformation o) {
            w.u16(o.priority());
            w.u32(o.sessionsInUse());
            w.u32(o.maximumSessions());
            w.u32(o.usedCapacity());
            w.u32(o.maximumCapacity());
        } else if (option instanceof AlternateIpv4CareOfAddress o) {
            w.bytes(o.address().getAddress());
        } else if (option instanceof MobileNodeGroupIdentifier o) {
            w.u8(o.subtype());
            w.u8(0);
            w.u32(o.groupIdentifier());
        } else if (option instanceof MagIpv6Address o) {
            w.u8(0);
            w.u8(o.addressLength());
            w.bytes(o.address().getAddress());
        } else if (option instanceof UnknownOption o) {
            w.bytes(o.data().toArray());
        } else {
            throw new AssertionError("unhandled option " + option);
        }
    }

    /**
     * Parses the data of an option whose Type byte is at {@code at}; its {@code len} data bytes
     * start at {@code at + 2} and lie inside the buffer (the caller checked).
     */
    static MobilityOption decode(int type, WireReader r, int at, int len, Checks checks)
            throws MobilityHeaderDecodeException {
        int d = at + 2;
        return switch (type) {
            case BindingRefreshAdvice.TYPE -> {
                length(type, at, len, 2);
                yield new BindingRefreshAdvice(r.u16(d));
            }
            case AlternateCareOfAddress.TYPE -> {
                length(type, at, len, 16);
                yield new AlternateCareOfAddress(r.ipv6(d));
            }
            case MobileNodeIdentifier.TYPE -> {
                if (len < 1) {
                    throw badLength(type, at, len, "at least 1 (Subtype)");
                }
                yield new MobileNodeIdentifier(r.u8(d), r.bytes(d + 1, len - 1));
            }
            case HomeNetworkPrefixOption.TYPE -> {
                length(type, at, len, 18);
                checks.reservedZero(r.u8(d), d, "Home Network Prefix option Reserved");
                yield new HomeNetworkPrefixOption(prefix(r, d + 1, checks, "Home Network Prefix"));
            }
            case HandoffIndicatorOption.TYPE -> {
                length(type, at, len, 2);
                checks.reservedZero(r.u8(d), d, "Handoff Indicator option Reserved");
                yield new HandoffIndicatorOption(r.u8(d + 1));
            }
            case AccessTechnologyTypeOption.TYPE -> {
                length(type, at, len, 2);
                checks.reservedZero(r.u8(d), d, "Access Technology Type option Reserved");
                yield new AccessTechnologyTypeOption(r.u8(d + 1));
            }
            case MobileNodeLinkLayerIdentifier.TYPE -> {
                if (len < 2) {
                    throw badLength(type, at, len, "at least 2 (Reserved)");
                }
                checks.reservedZero(r.u16(d), d, "Mobile Node Link-layer Identifier option Reserved");
                yield new MobileNodeLinkLayerIdentifier(r.bytes(d + 2, len - 2));
            }
            case LinkLocalAddress.TYPE -> {
                length(type, at, len, 16);
                yield new LinkLocalAddress(r.ipv6(d));
            }
            case Timestamp.TYPE -> {
                length(type, at, len, 8);
                yield new Timestamp(r.u64(d));
            }
            case RestartCounter.TYPE -> {
                length(type, at, len, 4);
                yield new RestartCounter(r.u32(d));
            }
            case Ipv4CareOfAddress.TYPE -> {
                length(type, at, len, 6);
                checks.reservedZero(r.u16(d), d, "IPv4 Care-of Address option Reserved");
                yield new Ipv4CareOfAddress(r.ipv4(d + 2));
            }
            case GreKey.TYPE -> {
                if (len != 2 && len != 6) {
                    throw badLength(type, at, len, "2 (no key) or 6");
                }
                checks.reservedZero(r.u16(d), d, "GRE Key option Reserved");
                yield len == 6 ? GreKey.of(r.u32(d + 2)) : GreKey.withoutKey();
            }
            case Ipv4HomeAddressRequest.TYPE -> {
                length(type, at, len, 6);
                int word = r.u16(d);
                checks.reservedZero(word & 0x03ff, d, "IPv4 Home Address Request option Reserved bits");
                yield new Ipv4HomeAddressRequest(ipv4PrefixLength(word >>> 10, d), r.ipv4(d + 2));
            }
            case Ipv4HomeAddressReply.TYPE -> {
                length(type, at, len, 6);
                int b = r.u8(d + 1);
                checks.reservedZero(b & 0x03, d + 1, "IPv4 Home Address Reply option Reserved bits");
                yield new Ipv4HomeAddressReply(r.u8(d), ipv4PrefixLength(b >>> 2, d + 1), r.ipv4(d + 2));
            }
            case Ipv4DefaultRouterAddress.TYPE -> {
                length(type, at, len, 6);
                checks.reservedZero(r.u16(d), d, "IPv4 Default-Router Address option Reserved");
                yield new Ipv4DefaultRouterAddress(r.ipv4(d + 2));
            }
            case Ipv4DhcpSupportMode.TYPE -> {
                length(type, at, len, 2);
                int word = r.u16(d);
                checks.reservedZero(word & 0xfffe, d, "IPv4 DHCP Support Mode option Reserved bits");
                yield new Ipv4DhcpSupportMode((word & 1) != 0);
            }
            case FlowSummary.TYPE -> {
                if (len < 2 || len % 2 != 0) {
                    throw badLength(type, at, len, "a positive multiple of 2");
                }
                List<Integer> fids = new ArrayList<>(len / 2);
                for (int i = 0; i < len; i += 2) {
                    fids.add(r.u16(d + i));
                }
                yield new FlowSummary(fids);
            }
            case FlowIdentification.TYPE -> {
                if (len < 6) {
                    throw badLength(type, at, len, "at least 6");
                }
                checks.reservedZero(r.u8(d + 4), d + 4, "Flow Identification option Reserved");
                yield new FlowIdentification(r.u16(d), r.u16(d + 2), r.u8(d + 5), r.bytes(d + 6, len - 6));
            }
            case RedirectCapability.TYPE -> {
                length(type, at, len, 2);
                checks.reservedZero(r.u16(d), d, "Redirect-Capability option Reserved");
                yield new RedirectCapability();
            }
            case Redirect.TYPE -> {
                if (len < 2) {
                    throw badLength(type, at, len, "at least 2");
                }
                int word = r.u16(d);
                boolean k = (word & Redirect.FLAG_K) != 0;
                boolean n = (word & Redirect.FLAG_N) != 0;
                length(type, at, len, 2 + (k ? 16 : 0) + (n ? 4 : 0));
                checks.reservedZero(word & 0x3fff, d, "Redirect option Reserved bits");
                yield new Redirect(k ? r.ipv6(d + 2) : null, n ? r.ipv4(d + 2 + (k ? 16 : 0)) : null);
            }
            case LoadInformation.TYPE -> {
                length(type, at, len, 18);
                yield new LoadInformation(r.u16(d), r.u32(d + 2), r.u32(d + 6), r.u32(d + 10), r.u32(d + 14));
            }
            case AlternateIpv4CareOfAddress.TYPE -> {
                length(type, at, len, 4);
                yield new AlternateIpv4CareOfAddress(r.ipv4(d));
            }
            case MobileNodeGroupIdentifier.TYPE -> {
                length(type, at, len, 6);
                checks.reservedZero(r.u8(d + 1), d + 1, "Mobile Node Group Identifier option Reserved");
                yield new MobileNodeGroupIdentifier(r.u8(d), r.u32(d + 2));
            }
            case MagIpv6Address.TYPE -> {
                length(type, at, len, 18);
                checks.reservedZero(r.u8(d), d, "MAG IPv6 Address option Reserved");
                int addressLength = r.u8(d + 1);
                if (addressLength > 128) {
                    throw new MobilityHeaderDecodeException(DecodeRule.BAD_OPTION_VALUE, d + 1,
                            "MAG IPv6 Address option Address Length " + addressLength + " exceeds 128");
                }
                yield new MagIpv6Address(addressLength, r.ipv6(d + 2));
            }
            default -> new UnknownOption(type, r.bytes(d, len));
        };
    }

    private static Ipv6Prefix prefix(WireReader r, int at, Checks checks, String what)
            throws MobilityHeaderDecodeException {
        int length = r.u8(at);
        if (length > 128) {
            throw new MobilityHeaderDecodeException(DecodeRule.BAD_OPTION_VALUE, at,
                    what + " Prefix Length " + length + " exceeds 128");
        }
        byte[] address = r.bytes(at + 1, 16).toArray();
        boolean hostBits = false;
        for (int bit = length; bit < 128; bit++) {
            int mask = 0x80 >>> (bit & 7);
            if ((address[bit >>> 3] & mask) != 0) {
                hostBits = true;
                address[bit >>> 3] &= (byte) ~mask;
            }
        }
        if (hostBits) {
            checks.violation(DecodeRule.BAD_OPTION_VALUE, at + 1,
                    what + " has bits set past /" + length + " (cleared)");
        }
        return Ipv6Prefix.of(address, length);
    }

    private static int ipv4PrefixLength(int value, int at) throws MobilityHeaderDecodeException {
        if (value > 32) {
            throw new MobilityHeaderDecodeException(DecodeRule.BAD_OPTION_VALUE, at,
                    "IPv4 prefix length " + value + " exceeds 32");
        }
        return value;
    }

    private static void length(int type, int at, int len, int expected) throws MobilityHeaderDecodeException {
        if (len != expected) {
            throw badLength(type, at, len, Integer.toString(expected));
        }
    }

    private static MobilityHeaderDecodeException badLength(int type, int at, int len, String expected) {
        return new MobilityHeaderDecodeException(DecodeRule.BAD_OPTION_LENGTH, at + 1,
                "option type " + type + " has Length " + len + ", expected " + expected);
    }
}
