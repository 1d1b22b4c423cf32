package io.pmip.lma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.HandoffIndicator;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One real cluster node with cluster.conf: sharding of bindings and pool shards works end to end. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BindingShardTest {
    private ActorTestKit kit;
    private BindingShard lma;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));

    @BeforeAll
    void start() {
        Config config = ConfigFactory.parseString("""
                pekko.remote.artery.canonical.port = 0
                pekko.coordinated-shutdown.exit-jvm = off
                """)
                .withFallback(ConfigFactory.parseResources("cluster.conf"))
                .withFallback(TestConfigs.actorSystem())
                .resolve();
        kit = ActorTestKit.create("binding-shard-test", config);
        Cluster cluster = Cluster.get(kit.system());
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        lma = BindingShard.init(kit.system(), clock);
    }

    @AfterAll
    void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void theClusterConfigurationDownsUnreachableNodes() {
        Config c = kit.system().settings().config();
        assertEquals("org.apache.pekko.cluster.sbr.SplitBrainResolverProvider", c.getString("pekko.cluster.downing-provider-class"));
        assertEquals("keep-majority", c.getString("pekko.cluster.split-brain-resolver.active-strategy"));
        // Short for failover under 10 s; the margins that keep one writer per binding are argued in cluster.conf.
        assertEquals(Duration.ofSeconds(2), c.getDuration("pekko.cluster.split-brain-resolver.stable-after"));
        assertEquals(Duration.ofSeconds(2), c.getDuration("pekko.cluster.down-removal-margin"));
        Config alone = ConfigFactory.parseResources("cluster.conf").resolve();
        assertEquals("jackson-cbor", alone.getString(
                "pekko.actor.serialization-bindings.\"io.pmip.persistence.CborSerializable\""),
                "cluster.conf brings the CBOR binding of the persistence module");
        assertEquals("eventsourced", alone.getString("pekko.cluster.sharding.remember-entities-store"));
    }

    @Test
    void aPbuReachesTheShardedBindingWhichGetsItsPrefixFromTheShardedPool() throws Exception {
        PbaDecision first = lma.handle(Pbus.initial("alice@lab.example").request(), Duration.ofSeconds(10))
                .toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertEquals(BindingAckStatus.ACCEPTED, first.status(), first.detail());
        PbaDecision other = lma.handle(Pbus.initial("bob@lab.example").request(), Duration.ofSeconds(10))
                .toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertNotEquals(first.homeNetworkPrefixes(), other.homeNetworkPrefixes());
        PbaDecision handoff = lma.handle(Pbus.initial("alice@lab.example").from(Pbus.MAG2)
                        .hi(HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE).request(), Duration.ofSeconds(10))
                .toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertEquals(first.homeNetworkPrefixes(), handoff.homeNetworkPrefixes());
        BindingView view = lma.binding("alice@lab.example").<BindingView>ask(BindingEntity.Get::new, Duration.ofSeconds(5))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(Pbus.MAG2, view.sessions().get(0).servingMag());
    }

    @Test
    void whatFollowsAPbaDecisionRunsOnTheEntitysThreadNotOnAThreadOfItsOwn() throws Exception {
        // Without Replies the ingress's callback ran on CompletableFuture's default executor: a new
        // thread per PBA on 2 cores, the common pool's on more; either way not the actor system's.
        String caller = Thread.currentThread().getName();
        String thread = lma.handle(Pbus.initial("carol@lab.example").request(), Duration.ofSeconds(10))
                .thenApply(decision -> Thread.currentThread().getName())
                .toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertTrue(thread.startsWith("binding-shard-test-") || thread.equals(caller), thread);
    }
}
