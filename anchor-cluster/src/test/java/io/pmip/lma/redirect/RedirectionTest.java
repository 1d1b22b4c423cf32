package io.pmip.lma.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.LoadInformation;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.mh.option.Redirect;
import io.pmip.protocol.mh.option.RedirectCapability;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the rfLMA names another LMA (RFC 6463 section 4.2) and which one the default policy picks. */
class RedirectionTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final InetAddress ANYCAST = ip("127.0.0.1");
    private static final InetAddress MAG = ip("127.0.0.20");

    private final LoadView view = new LoadView(Duration.ofSeconds(3), CLOCK);
    private final Redirection redirection = new Redirection(view, new LeastLoadedPolicy(10), Set.of(ip("127.0.0.2")));

    private static NodeLoad load(String node, String udp, long bindings, double rate, boolean draining, Instant at) {
        return new NodeLoad(node, udp, "", bindings, rate, draining, at.toEpochMilli());
    }

    private static ProxyBindingUpdate pbu(int lifetime, boolean capable) {
        List<MobilityOption> options = new ArrayList<>(List.of(MobileNodeIdentifier.nai("mn@example.org")));
        if (capable) {
            options.add(new RedirectCapability());
        }
        return ProxyBindingUpdate.of(1, lifetime, options);
    }

    @Test
    void aCapableInitialPbuToTheAnycastAddressGoesToTheLeastLoadedNode() {
        view.update(load("a:1", "127.0.0.2", 100, 0, false, NOW));
        view.update(load("b:1", "127.0.0.3", 10, 5, false, NOW)); // 10 + 10 * 5 = 60 < 100
        Optional<Redirect> redirect = redirection.redirectFor(pbu(100, true), MAG, ANYCAST);
        assertEquals(Optional.of(Redirect.toIpv4((java.net.Inet4Address) ip("127.0.0.3"))), redirect);
    }

    @Test
    void onlyCapableRegistrationsToTheAnycastAddressAreRedirected() {
        view.update(load("b:1", "127.0.0.3", 0, 0, false, NOW));
        assertTrue(redirection.redirectFor(pbu(100, false), MAG, ANYCAST).isEmpty(), "no Redirect-Capability");
        assertTrue(redirection.redirectFor(pbu(0, true), MAG, ANYCAST).isEmpty(), "a de-registration");
        assertTrue(redirection.redirectFor(pbu(100, true), MAG, ip("127.0.0.2")).isEmpty(),
                "sent to this node's unicast address: already redirected");
    }

    @Test
    void drainingSilentAndAddresslessNodesAreNoTargets() {
        view.update(load("drains:1", "127.0.0.3", 0, 0, true, NOW));
        view.update(load("silent:1", "127.0.0.4", 0, 0, false, NOW.minusSeconds(10)));
        view.update(load("nounicast:1", "", 0, 0, false, NOW));
        assertTrue(redirection.redirectFor(pbu(100, true), MAG, ANYCAST).isEmpty());
        assertEquals(2, view.live().size(), "the silent node is not live");
    }

    @Test
    void anOlderGossipNeverReplacesANewerOne() {
        view.update(load("a:1", "127.0.0.2", 5, 0, true, NOW));
        view.update(load("a:1", "127.0.0.2", 5, 0, false, NOW.minusSeconds(1)));
        assertTrue(view.live().get(0).draining());
    }

    @Test
    void tiesGoToTheLowerNodeSoEveryNodePicksAlike() {
        LeastLoadedPolicy policy = new LeastLoadedPolicy(10);
        NodeLoad a = load("a:1", "127.0.0.2", 3, 0, false, NOW);
        NodeLoad b = load("b:1", "127.0.0.3", 3, 0, false, NOW);
        assertEquals(Optional.of(a), policy.choose("m", List.of(b, a)));
        assertThrows(IllegalArgumentException.class, () -> RedirectPolicy.named("round-robin", 1));
    }

    private static NodeLoad configured(String node, long bindings, double rate, Capacity capacity) {
        return new NodeLoad(node, "127.0.0.9", "", bindings, rate, false, NOW.toEpochMilli(), capacity);
    }

    @Test
    void aNodesLoadReadsAsRfc6463LoadInformation() {
        NodeLoad load = configured("a:1", 120, 7.6, new Capacity(3, 1000, 50));
        assertEquals(new LoadInformation(3, 120, 1000, 8, 50), load.loadInformation());
        view.update(load);
        assertEquals(java.util.Map.of("a:1", load.loadInformation()), view.loadInformation());
        assertEquals(new LoadInformation(0, 5, 0, 0, 0), load("b:1", "127.0.0.3", 5, 0, false, NOW).loadInformation(),
                "an unconfigured node advertises no limits");
        assertThrows(IllegalArgumentException.class, () -> new Capacity(0x10000, 0, 0));
    }

    @Test
    void theLoadInformationPolicyPrefersTheBetterPriorityThenTheLowerUtilization() {
        RedirectPolicy policy = RedirectPolicy.named("load-information", 0);
        NodeLoad busyButPreferred = configured("a:1", 900, 0, new Capacity(1, 1000, 0));
        NodeLoad idleSecondChoice = configured("b:1", 0, 0, new Capacity(2, 1000, 0));
        assertEquals(Optional.of(busyButPreferred), policy.choose("m", List.of(idleSecondChoice, busyButPreferred)));
        // Same priority: sessions 50 % vs capacity 80 % used; the larger share counts.
        NodeLoad halfSessions = configured("c:1", 500, 10, new Capacity(1, 1000, 100));
        NodeLoad capacityBound = configured("d:1", 100, 80, new Capacity(1, 1000, 100));
        assertEquals(Optional.of(halfSessions), policy.choose("m", List.of(capacityBound, halfSessions)));
    }

    @Test
    void theLoadInformationPolicySendsNoMagToAFullNode() {
        RedirectPolicy policy = new LoadInformationPolicy();
        NodeLoad sessionsFull = configured("a:1", 1000, 0, new Capacity(0, 1000, 0));
        NodeLoad capacityFull = configured("b:1", 0, 100, new Capacity(0, 0, 100));
        assertEquals(Optional.empty(), policy.choose("m", List.of(sessionsFull, capacityFull)));
        NodeLoad unlimited = configured("c:1", 1_000_000, 1_000, Capacity.UNCONFIGURED);
        assertEquals(Optional.of(unlimited), policy.choose("m", List.of(sessionsFull, unlimited)));
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
