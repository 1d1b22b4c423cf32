package io.pmip.protocol.codec;

import io.pmip.protocol.mh.BindingError;
import io.pmip.protocol.mh.BindingRefreshRequest;
import io.pmip.protocol.mh.BindingRevocationAcknowledgement;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.LocalizedRoutingAcknowledgement;
import io.pmip.protocol.mh.LocalizedRoutingInitiation;
import io.pmip.protocol.mh.MobilityHeaderChecksum;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.UnknownMessage;
import io.pmip.protocol.mh.UpdateNotification;
import io.pmip.protocol.mh.UpdateNotificationAcknowledgement;
import io.pmip.protocol.mh.option.MobilityOption;
import java.net.Inet6Address;
import java.util.Objects;

/**
 * Encodes a {@link MobilityMessage} into a complete Mobility Header (RFC 6275 section 6.1.1):
 * Payload Proto 59, Header Len, MH Type, Reserved 0, Checksum, message data, each option at its
 * xn+y offset with Pad1/PadN before it (RFC 6275 6.2, {@link OptionAlignment}), and Pad1/PadN
 * after the last option up to a multiple of 8 octets.
 */
public final class MobilityHeaderEncoder {
    /** IPPROTO_NONE, the Payload Proto value RFC 6275 6.1.1 says to send. */
    public static final int PAYLOAD_PROTO_NONE = 59;
    /** Header Len is one octet in units of 8 octets, excluding the first 8 (RFC 6275 6.1.1). */
    public static final int MAX_LENGTH = 2048;

    private MobilityHeaderEncoder() {
    }

    /**
     * Encodes for the IPv6 transport, with the Checksum over the pseudo-header of {@code source}
     * and {@code destination} (RFC 6275 6.1.1).
     *
     * @throws IllegalArgumentException if the message does not fit in 2048 octets
     */
    public static byte[] encode(MobilityMessage message, Inet6Address source, Inet6Address destination) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        byte[] mh = encodeUnchecked(message);
        int sum = MobilityHeaderChecksum.compute(source.getAddress(), destination.getAddress(), mh, 0, mh.length);
        mh[MobilityHeaderChecksum.CHECKSUM_OFFSET] = (byte) (sum >>> 8);
        mh[MobilityHeaderChecksum.CHECKSUM_OFFSET + 1] = (byte) sum;
        return mh;
    }

    /**
     * Encodes for the IPv4/UDP transport of RFC 5844: the same octets, Checksum 0 (no IPv6
     * pseudo-header exists; the UDP checksum protects the datagram; docs/wire-format-decisions.md).
     */
    public static byte[] encodeForIpv4Udp(MobilityMessage message) {
        return encodeUnchecked(message);
    }

    /** Encodes with the Checksum field left 0. */
    static byte[] encodeUnchecked(MobilityMessage message) {
        WireWriter w = new WireWriter();
        w.u8(PAYLOAD_PROTO_NONE);
        w.u8(0); // Header Len, set below
        w.u8(message.mhType());
        w.u8(0); // Reserved
        w.u16(0); // Checksum
        if (message instanceof UnknownMessage m) {
            w.bytes(m.body().toArray());
        } else {
            body(message, w);
            for (MobilityOption option : message.options()) {
                OptionAlignment alignment = OptionAlignment.forType(option.type());
                pad(w, alignment.paddingBefore(w.position()));
                writeOption(option, w);
            }
            pad(w, Math.floorMod(-w.position(), 8));
        }
        int length = w.position();
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("Mobility Header would be " + length + " octets, limit is 2048");
        }
        w.set(1, length / 8 - 1);
        return w.toArray();
    }

    private static void writeOption(MobilityOption option, WireWriter w) {
        int start = w.position();
        w.u8(option.type());
        w.u8(0); // Length, set below
        OptionCodec.encodeData(option, w);
        int len = w.position() - start - 2;
        if (len > 255) {
            throw new IllegalArgumentException("option " + option.type() + " data is " + len + " octets, limit 255");
        }
        w.set(start + 1, len);
    }

    /** Pad1 for one octet, PadN (Type 1, Length n-2, zeros) for more (RFC 6275 6.2.2, 6.2.3). */
    private static void pad(WireWriter w, int n) {
        if (n == 1) {
            w.u8(0);
        } else if (n > 1) {
            w.u8(1);
            w.u8(n - 2);
            w.zeros(n - 2);
        }
    }

    private static void body(MobilityMessage message, WireWriter w) {
        if (message instanceof BindingRefreshRequest) {
            w.u16(0); // Reserved, RFC 6275 6.1.2
        } else if (message instanceof ProxyBindingUpdate m) {
            w.u16(m.sequence());
            w.u16(m.flags());
            w.u16(m.lifetime());
        } else if (message instanceof ProxyBindingAcknowledgement m) {
            w.u8(m.statusCode());
            w.u8(m.flags());
            w.u16(m.sequence());
            w.u16(m.lifetime());
        } else if (message instanceof BindingError m) {
            w.u8(m.statusCode());
            w.u8(0);
            w.bytes(m.homeAddress().getAddress());
        } else if (message instanceof Heartbeat m) {
            w.u16(m.flags());
            w.u32(m.sequence());
        } else if (message instanceof BindingRevocationIndication m) {
            w.u8(BindingRevocationIndication.BR_TYPE);
            w.u8(m.revocationTriggerCode());
            w.u16(m.sequence());
            w.u16(m.flags());
        } else if (message instanceof BindingRevocationAcknowledgement m) {
            w.u8(BindingRevocationAcknowledgement.BR_TYPE);
            w.u8(m.statusCode());
            w.u16(m.sequence());
            w.u16(m.flags());
        } else if (message instanceof LocalizedRoutingInitiation m) {
            w.u16(m.sequence());
            w.u16(0); // Reserved, RFC 6705 11.2
            w.u16(m.lifetimeSeconds());
        } else if (message instanceof LocalizedRoutingAcknowledgement m) {
            w.u16(m.sequence());
            w.u8(m.flags());
            w.u8(m.statusCode());
            w.u16(m.lifetimeSeconds());
        } else if (message instanceof UpdateNotification m) {
            w.u16(m.sequence());
            w.u8(m.flags());
            w.u8(m.notificationReasonCode());
        } else if (message instanceof UpdateNotificationAcknowledgement m) {
            w.u16(m.sequence());
            w.u8(m.statusCode());
            w.u8(0); // Reserved, RFC 7077 4.2
        } else {
            throw new AssertionError("unhandled message " + message);
        }
    }
}
