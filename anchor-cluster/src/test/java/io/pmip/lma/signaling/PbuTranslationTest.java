package io.pmip.lma.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pmip.lma.PbaDecision;
import io.pmip.lma.PbuRequest;
import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.AccessTechnologyTypeOption;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobileNodeLinkLayerIdentifier;
import io.pmip.protocol.mh.option.Timestamp;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PbuTranslationTest {
    private static final Ipv6Prefix ASSIGNED = Ipv6Prefix.parse("2001:db8:100:7::/64");

    private static ProxyBindingUpdate pbu(int hiCode) {
        return ProxyBindingUpdate.of(9, 0xffff, List.of(MobileNodeIdentifier.nai("mn@x"),
                new HomeNetworkPrefixOption(Ipv6Prefix.UNSPECIFIED), new HandoffIndicatorOption(hiCode),
                AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_11),
                new MobileNodeLinkLayerIdentifier(Bytes.fromHex("0A0B0C0D0E0F")), new Timestamp(0x1234_5678_0000L)));
    }

    @Test
    void aPbuBecomesARequestInSecondsWithHexLinkLayerIdAndTheSourceAsProxyCoa() throws Exception {
        PbuRequest r = PbuTranslation.toRequest(pbu(1), InetAddress.getByName("127.0.0.2"),
                InetAddress.getByName("127.0.0.1"));
        assertEquals("mn@x", r.mnId());
        assertEquals("127.0.0.2", r.servingMag());
        assertEquals(0xffff * 4, r.lifetimeSeconds(), "RFC 6275 6.1.7: 4 s units");
        assertEquals(List.of(Ipv6Prefix.UNSPECIFIED), r.homeNetworkPrefixes(), "::/0 asks for assignment");
        assertEquals(Optional.of("0a0b0c0d0e0f"), r.linkLayerId());
        assertEquals(Optional.of(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE), r.handoffIndicator());
        assertEquals(0x1234_5678_0000L, r.timestamp().orElseThrow().value());
        assertEquals(9, r.sequence());
    }

    @Test
    void anUnassignedHandoffIndicatorIsUntranslatable() {
        assertThrows(PbuTranslation.UntranslatableException.class, () -> PbuTranslation.toRequest(pbu(200),
                InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1")));
    }

    @Test
    void anAcceptanceCarriesTheSessionPrefixAndTheGrantedLifetimeInUnits() throws Exception {
        ProxyBindingUpdate pbu = pbu(1);
        PbuRequest r = PbuTranslation.toRequest(pbu, InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1"));
        ProxyBindingAcknowledgement pba = PbuTranslation.acknowledgement(pbu, PbaDecision.accept(r, List.of(ASSIGNED), 3601, "ok"));
        assertEquals(0, pba.statusCode());
        assertEquals(900, pba.lifetime(), "3601 s rounds down to 900 units: never more than the LMA keeps");
        assertEquals(List.of(new HomeNetworkPrefixOption(ASSIGNED)), pba.optionsOf(HomeNetworkPrefixOption.class));
        assertEquals(pbu.option(MobileNodeIdentifier.class), pba.option(MobileNodeIdentifier.class));
        assertEquals(pbu.option(MobileNodeLinkLayerIdentifier.class), pba.option(MobileNodeLinkLayerIdentifier.class));
        assertEquals(pbu.option(Timestamp.class), pba.option(Timestamp.class));
    }

    @Test
    void lifetimesRoundDownToUnitsButNeverToZero() {
        assertEquals(0, PbuTranslation.lifetimeUnits(0));
        assertEquals(1, PbuTranslation.lifetimeUnits(3), "a positive lifetime is not a de-registration");
        assertEquals(2, PbuTranslation.lifetimeUnits(11));
        assertEquals(0xffff, PbuTranslation.lifetimeUnits(Integer.MAX_VALUE));
    }
}
