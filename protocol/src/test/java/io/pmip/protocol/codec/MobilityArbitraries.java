package io.pmip.protocol.codec;

import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.BindingError;
import io.pmip.protocol.mh.BindingRefreshRequest;
import io.pmip.protocol.mh.BindingRevocationAcknowledgement;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.LocalizedRoutingAcknowledgement;
import io.pmip.protocol.mh.LocalizedRoutingInitiation;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.UnknownMessage;
import io.pmip.protocol.mh.UpdateNotification;
import io.pmip.protocol.mh.UpdateNotificationAcknowledgement;
import io.pmip.protocol.mh.WireValues;
import io.pmip.protocol.mh.option.*;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators for every message and option record of the wire model. */
final class MobilityArbitraries {
    private MobilityArbitraries() {
    }

    static Arbitrary<Bytes> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max).map(Bytes::of);
    }

    static Arbitrary<Inet6Address> ipv6() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16).map(b -> WireValues.ipv6(b, 0));
    }

    static Arbitrary<Inet4Address> ipv4() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4).map(b -> WireValues.ipv4(b, 0));
    }

    static Arbitrary<Ipv6Prefix> prefix() {
        return Combinators.combine(Arbitraries.bytes().array(byte[].class).ofSize(16), Arbitraries.integers().between(0, 128))
                .as((a, len) -> {
                    for (int bit = len; bit < 128; bit++) {
                        a[bit >>> 3] &= (byte) ~(0x80 >>> (bit & 7));
                    }
                    return Ipv6Prefix.of(a, len);
                });
    }

    static Arbitrary<Integer> u8() {
        return Arbitraries.integers().between(0, 255);
    }

    static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xffff);
    }

    static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xffffffffL);
    }

    static Arbitrary<MobilityOption> option() {
        return Arbitraries.oneOf(List.of(
                u16().map(BindingRefreshAdvice::new),
                ipv6().map(AlternateCareOfAddress::new),
                Combinators.combine(u8(), bytes(0, 254)).as(MobileNodeIdentifier::new),
                prefix().map(HomeNetworkPrefixOption::new),
                u8().map(HandoffIndicatorOption::new),
                u8().map(AccessTechnologyTypeOption::new),
                bytes(0, 253).map(MobileNodeLinkLayerIdentifier::new),
                ipv6().map(LinkLocalAddress::new),
                Arbitraries.longs().map(Timestamp::new),
                u32().map(RestartCounter::new),
                ipv4().map(Ipv4CareOfAddress::new),
                Arbitraries.oneOf(u32().map(GreKey::of), Arbitraries.just(GreKey.withoutKey())),
                Combinators.combine(Arbitraries.integers().between(0, 32), ipv4()).as(Ipv4HomeAddressRequest::new),
                Combinators.combine(u8(), Arbitraries.integers().between(0, 32), ipv4()).as(Ipv4HomeAddressReply::new),
                ipv4().map(Ipv4DefaultRouterAddress::new),
                Arbitraries.of(true, false).map(Ipv4DhcpSupportMode::new),
                u16().list().ofMinSize(1).ofMaxSize(126).map(FlowSummary::new),
                Combinators.combine(u16(), u16(), u8(), bytes(0, 249)).as(FlowIdentification::new),
                Arbitraries.just(new RedirectCapability()),
                Combinators.combine(ipv6().injectNull(0.3), ipv4().injectNull(0.3)).as(Redirect::new),
                Combinators.combine(u16(), u32(), u32(), u32(), u32()).as(LoadInformation::new),
                ipv4().map(AlternateIpv4CareOfAddress::new),
                Combinators.combine(u8(), u32()).as(MobileNodeGroupIdentifier::new),
                Combinators.combine(Arbitraries.integers().between(0, 128), ipv6()).as(MagIpv6Address::new),
                Combinators.combine(u8().filter(t -> t > 1 && !MobilityOption.isModelled(t)), bytes(0, 255))
                        .as(UnknownOption::new)));
    }

    static Arbitrary<List<MobilityOption>> options() {
        return option().list().ofMaxSize(6);
    }

    static Arbitrary<MobilityMessage> message() {
        Arbitrary<Boolean> bool = Arbitraries.of(true, false);
        return Arbitraries.oneOf(List.of(
                options().map(BindingRefreshRequest::new),
                Combinators.combine(u16(), u16(), u16(), options()).as(ProxyBindingUpdate::fromFlags),
                Combinators.combine(u8(), u8(), u16(), u16(), options()).as(ProxyBindingAcknowledgement::fromFlags),
                Combinators.combine(u8(), ipv6(), options()).as(BindingError::new),
                Combinators.combine(u16(), u32(), options())
                        .as((f, s, o) -> new Heartbeat(f & 0xfffc, (f & 2) != 0, (f & 1) != 0, s, o)),
                Combinators.combine(u8(), u16(), u16(), options())
                        .as((t, s, f, o) -> new BindingRevocationIndication(t, s, (f & 0x8000) != 0,
                                (f & 0x4000) != 0, (f & 0x2000) != 0, f & 0x1fff, o)),
                Combinators.combine(u8(), u16(), u16(), options())
                        .as((t, s, f, o) -> new BindingRevocationAcknowledgement(t, s, (f & 0x8000) != 0,
                                (f & 0x4000) != 0, (f & 0x2000) != 0, f & 0x1fff, o)),
                Combinators.combine(u16(), u16(), options()).as(LocalizedRoutingInitiation::new),
                Combinators.combine(u16(), u8(), u8(), u16(), options())
                        .as((s, f, st, l, o) -> new LocalizedRoutingAcknowledgement(s, (f & 0x80) != 0, f & 0x7f, st, l, o)),
                Combinators.combine(u16(), u8(), u8(), options())
                        .as((s, f, r, o) -> new UpdateNotification(s, (f & 0x80) != 0, (f & 0x40) != 0, f & 0x3f, r, o)),
                Combinators.combine(u16(), u8(), options()).as(UpdateNotificationAcknowledgement::new),
                unknownMessage()));
    }

    static Arbitrary<MobilityMessage> unknownMessage() {
        return Combinators.combine(u8(), Arbitraries.integers().between(0, 30), Arbitraries.bytes().array(byte[].class).ofSize(250))
                .as((type, k, raw) -> {
                    byte[] body = java.util.Arrays.copyOf(raw, 8 * k + 2);
                    if (type == 16) {
                        body[0] = 3;
                    }
                    return (MobilityMessage) (UnknownMessage.isModelled(type, Bytes.of(body))
                            ? new UnknownMessage(99, Bytes.of(body))
                            : new UnknownMessage(type, Bytes.of(body)));
                });
    }
}
