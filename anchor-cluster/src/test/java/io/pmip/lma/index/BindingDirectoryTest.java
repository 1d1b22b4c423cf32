package io.pmip.lma.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.pmip.lma.BindingEvent;
import io.pmip.lma.BindingState;
import io.pmip.lma.TestConfigs;
import io.pmip.lma.bulk.GroupKey;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Listings over several cluster nodes, each with its own index, through real remoting (so every query
 * and answer crosses a node as CBOR): what one node hosts shows in the listing of another, and a member
 * that cannot answer is named rather than left out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BindingDirectoryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final String MAG = "192.0.2.7";

    private ActorTestKit a;
    private ActorTestKit b;
    private ActorTestKit silent;
    private BindingDirectory directoryA;

    private static Config node() {
        return ConfigFactory.parseString("""
                pekko.actor.provider = cluster
                pekko.remote.artery.canonical { hostname = "127.0.0.1", port = 0 }
                pekko.cluster.jmx.enabled = off
                pekko.loglevel = WARNING
                """).withFallback(TestConfigs.actorSystem());
    }

    @BeforeAll
    void start() throws Exception {
        a = ActorTestKit.create("directory", node());
        b = ActorTestKit.create("directory", node());
        Cluster first = Cluster.get(a.system());
        for (ActorTestKit kit : List.of(a, b)) {
            Cluster.get(kit.system()).manager().tell(Join.create(first.selfMember().address()));
        }
        awaitUp(a.system(), 2);
        directoryA = BindingDirectory.start(a.system());
        BindingDirectory.start(b.system());
        register(a.system(), "alice@lab", "2001:db8:1:1::/64", 7);
        register(b.system(), "bob@lab", "2001:db8:1:2::/64", 7);
        register(b.system(), "carol@lab", "2001:db8:1:3::/64", 8);
    }

    @AfterAll
    void stop() {
        for (ActorTestKit kit : new ActorTestKit[] {silent, b, a}) {
            if (kit != null) {
                kit.shutdownTestKit();
            }
        }
    }

    /** As a binding entity on {@code system} would after registering {@code mnId} at {@link #MAG}. */
    private static void register(ActorSystem<?> system, String mnId, String prefix, long group) {
        BindingEvent.Registered registered = new BindingEvent.Registered(mnId, "if-0", T0, MAG, "192.0.2.1",
                List.of(Ipv6Prefix.parse(prefix)), Optional.of("default"), AccessTechnologyType.IEEE_802_11,
                Optional.of("020000000001"), HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE, Optional.empty(), 1, 3600,
                OptionalLong.of(group));
        HostedBindings.of(system).applied(registered, BindingState.EMPTY.apply(registered).sessions());
    }

    @Test
    @Order(1)
    void aListingShowsTheBindingsOfEveryNode() throws Exception {
        // The receptionist learns of the other node's directory through gossip: until then it is unanswered.
        BindingIndex.Page page = await(() -> directoryA.list(BindingIndex.Filter.ALL, 0, Optional.empty(), 2, TIMEOUT),
                p -> p.total() == 3 && p.unanswered().isEmpty());
        assertEquals(List.of("alice@lab", "bob@lab"), page.bindings().stream().map(BindingIndex.BindingRow::mnId).toList());
        assertEquals(Optional.of("bob@lab"), page.nextAfter());
        BindingIndex.BindingRow bob = page.bindings().get(1);
        assertEquals(List.of(Ipv6Prefix.parse("2001:db8:1:2::/64")), bob.sessions().get(0).homeNetworkPrefixes(),
                "the session came across as it is");
        BindingIndex.Page rest = get(directoryA.list(new BindingIndex.Filter(Optional.of(MAG),
                Optional.of(Ipv6Prefix.parse("2001:db8:1::/48")), Optional.of(AccessTechnologyType.IEEE_802_11)), 0,
                page.nextAfter(), 2, TIMEOUT));
        assertEquals(List.of("carol@lab"), rest.bindings().stream().map(BindingIndex.BindingRow::mnId).toList());
        assertEquals(2, rest.offset());

        BindingIndex.MagRow mag = get(directoryA.mags(TIMEOUT)).value().get(0);
        assertEquals(List.of("alice@lab", "bob@lab", "carol@lab"), mag.mobileNodes());
        assertEquals(3, mag.sessions());
        assertEquals(List.of("alice@lab", "bob@lab", "carol@lab"), get(directoryA.allMobileNodesAt(MAG, TIMEOUT)));
        assertEquals(List.of("alice@lab", "bob@lab"), get(directoryA.groupMembers(new GroupKey(MAG, 7), TIMEOUT)).value());
        assertEquals(Map.of(7L, 2, 8L, 1), get(directoryA.bulkGroups(MAG, TIMEOUT)).value());
    }

    @Test
    @Order(2)
    void aMemberWithoutAnAnsweringDirectoryIsNamedAndACleanupRefusesToGoOn() throws Exception {
        await(() -> directoryA.list(BindingIndex.Filter.ALL, 0, Optional.empty(), 10, TIMEOUT),
                p -> p.unanswered().isEmpty());
        silent = ActorTestKit.create("directory", node());
        Cluster.get(silent.system()).manager().tell(Join.create(Cluster.get(a.system()).selfMember().address()));
        awaitUp(a.system(), 3);
        String silentNode = Cluster.get(silent.system()).selfMember().address().toString();

        BindingIndex.Page page = get(directoryA.list(BindingIndex.Filter.ALL, 0, Optional.empty(), 10, TIMEOUT));
        assertEquals(List.of(silentNode), page.unanswered());
        assertEquals(3, page.total(), "the others still answer");
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> get(directoryA.allMobileNodesAt(MAG, TIMEOUT)));
        assertInstanceOf(BindingDirectory.IncompleteException.class, failed.getCause());
        assertTrue(failed.getCause().getMessage().contains(silentNode), failed.getCause().getMessage());
    }

    private static void awaitUp(ActorSystem<?> system, int members) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (StreamSupport.stream(Cluster.get(system).state().getMembers().spliterator(), false)
                .filter(m -> m.status() == MemberStatus.up()).count() < members) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("cluster of " + members + " never up");
            }
            Thread.sleep(50);
        }
    }

    private static <T> T get(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static <T> T await(Supplier<java.util.concurrent.CompletionStage<T>> query, Predicate<T> done)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T last = get(query.get());
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never matched, last: " + last);
            }
            Thread.sleep(100);
            last = get(query.get());
        }
        return last;
    }
}
