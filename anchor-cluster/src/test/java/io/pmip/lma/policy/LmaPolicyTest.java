package io.pmip.lma.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LmaPolicyTest {
    private static LmaPolicy policy(String hocon) {
        return LmaPolicy.fromConfig(ConfigFactory.parseString(hocon)
                .withFallback(ConfigFactory.defaultReference().getConfig("pmip.lma")));
    }

    @Test
    void theReferenceDefaultsLetALabRegisterAnyNodeFromAnyMag() {
        LmaPolicy p = policy("");
        assertEquals(Optional.empty(), p.admit("anyone@anywhere", "192.0.2.9", Optional.of(AccessTechnologyType.VIRTUAL)));
        assertEquals(new PrefixAssignment.FromPool("default"), p.profileFor("anyone@anywhere").orElseThrow().prefixes());
    }

    @Test
    void onlyListedMagsMayRegister() {
        LmaPolicy p = policy("mag-peers = [\"2001:db8:ff::/48\", \"192.0.2.7\"]");
        assertTrue(p.admit("a@x", "2001:db8:ff:1::9", Optional.empty()).isEmpty());
        assertTrue(p.admit("a@x", "192.0.2.7", Optional.empty()).isEmpty());
        assertEquals(BindingAckStatus.MAG_NOT_AUTHORIZED_FOR_PROXY_REG,
                p.admit("a@x", "192.0.2.8", Optional.empty()).orElseThrow().status());
        assertEquals(BindingAckStatus.MAG_NOT_AUTHORIZED_FOR_PROXY_REG,
                p.admit("a@x", "2001:db8:fe::1", Optional.empty()).orElseThrow().status());
    }

    @Test
    void anExactProfileWinsOverAPatternAndPatternsOverTheDefault() {
        LmaPolicy p = policy("""
                mobile-nodes = [
                  { match = "*@ims.example", pool = "ims" },
                  { match = "boss@ims.example", prefixes = ["2001:db8:b055::/64"] },
                  { match = "*", pool = "catch-all" }
                ]
                """);
        assertEquals(new PrefixAssignment.Static(List.of(Ipv6Prefix.parse("2001:db8:b055::/64"))),
                p.profileFor("Boss@IMS.example").orElseThrow().prefixes());
        assertEquals(new PrefixAssignment.FromPool("ims"), p.profileFor("alice@ims.example").orElseThrow().prefixes());
        assertEquals(new PrefixAssignment.FromPool("catch-all"), p.profileFor("bob@other").orElseThrow().prefixes());
    }

    @Test
    void withoutADefaultProfileUnknownNodesAreNotEnabled() {
        LmaPolicy p = LmaPolicy.fromConfig(ConfigFactory.parseString("""
                mag-peers = ["*"]
                mobile-nodes = [ { match = "known@x" } ]
                """));
        assertTrue(p.admit("known@x", "::1", Optional.empty()).isEmpty());
        assertEquals(BindingAckStatus.PROXY_REG_NOT_ENABLED,
                p.admit("stranger@x", "::1", Optional.empty()).orElseThrow().status());
        assertEquals(BindingAckStatus.MISSING_MN_IDENTIFIER_OPTION,
                p.admit("", "::1", Optional.empty()).orElseThrow().status());
    }

    @Test
    void addressRangesNeverResolveNames() {
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("mag.example.com"));
        assertFalse(MagPeers.of(List.of("2001:db8::/32")).isAuthorized("mag.example.com"));
        assertFalse(AddressRange.parse("10.0.0.0/8").contains("2001:db8::1"));
        assertTrue(AddressRange.parse("10.0.0.0/8").contains("10.200.3.4"));
    }
}
