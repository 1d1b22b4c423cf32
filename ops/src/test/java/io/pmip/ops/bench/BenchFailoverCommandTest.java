package io.pmip.ops.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchFailoverCommandTest {
    private static FailoverDrill.Result served(long... millis) {
        return new FailoverDrill.Result(10, millis.length, millis, 0, null, List.of(), 1, List.of(), List.of());
    }

    @Test
    void theReportSaysHowManyBindingsWereServedAgainByEachStepAndByTheTarget() {
        assertEquals("5 s 1 (25 %), **10 s 2 (50 %)**, 15 s 3 (75 %), 20 s 4 (100 %)",
                BenchFailoverCommand.servedBy(served(3_000, 10_000, 12_000, 17_000)));
        assertEquals("5 s 1 (50 %), **10 s 2 (100 %)**", BenchFailoverCommand.servedBy(served(1_000, 5_001)));
        assertEquals("no bindings on the victim", BenchFailoverCommand.servedBy(served()));
    }

    @Test
    void theDrillMapsBindingsToTheNumberOfShardsTheNodesRunWith() {
        assertEquals(100, FailoverDrill.numberOfShards(""), "cluster.conf");
        assertEquals(30, FailoverDrill.numberOfShards("pekko.cluster.sharding.number-of-shards = 30"));
        assertEquals(30, FailoverDrill.numberOfShards(
                "pekko.persistence.max-concurrent-recoveries = 100\npekko.cluster.sharding.number-of-shards = 30"));
    }
}
