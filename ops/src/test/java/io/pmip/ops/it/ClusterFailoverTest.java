package io.pmip.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.ops.bench.FailoverDrill;
import io.pmip.ops.cluster.LmaLauncher;
import io.pmip.persistence.cassandra.LocalCassandra;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three LMA processes on a real Cassandra share one UDP address (SO_REUSEPORT); one is killed with
 * SIGKILL while its MAGs keep refreshing: the split-brain resolver downs it, its shards start on the
 * survivors, and every one of 1,000 bindings is refreshed afterwards with the prefix it had. No
 * timing is asserted; `pmip bench failover` measures it.
 */
class ClusterFailoverTest {
    @TempDir
    static Path dir;

    private static LocalCassandra cassandra;

    @BeforeAll
    static void startCassandra() {
        cassandra = Lab.startCassandra(dir.resolve("cassandra"));
    }

    @AfterAll
    static void stopCassandra() {
        if (cassandra != null) {
            cassandra.close();
        }
    }

    @Test
    void noBindingIsLostWhenOneOfThreeNodesIsKilled() throws Exception {
        FailoverDrill.Settings settings = new FailoverDrill.Settings(3, 3, 10, 100, 50, Duration.ofSeconds(2), "384m",
                dir.resolve("drill"), cassandra.contactPointString(), "", "");
        FailoverDrill.Result result;
        try (FailoverDrill drill = new FailoverDrill(settings, System.out::println)) {
            drill.start(LmaLauncher.fromOpsModule(Path.of("")), Duration.ofSeconds(150));
            drill.register(Duration.ofSeconds(240));
            result = drill.killAndRecover(Duration.ofSeconds(180));
        }
        result.timeline().forEach(System.out::println);
        assertTrue(result.victimBindings() > 0, "the killed node hosted bindings");
        assertEquals(0, result.unrecovered(), "every binding of the killed node served again by the survivors");
        assertEquals(List.of(), result.lost(), "RFC 5213 5.3.3 refresh of every binding keeps its prefix");
    }
}
