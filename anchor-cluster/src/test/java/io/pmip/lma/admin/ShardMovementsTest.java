package io.pmip.lma.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardMovementsTest {
    @Test
    void shardsThatLeftAreHandoffsAndShardsThatCameAreStarts() {
        assertEquals(new ShardMovements.Change(2, 1), ShardMovements.Change.between(Set.of("1", "2", "3"),
                Set.of("2", "3", "4", "5")));
        assertEquals(new ShardMovements.Change(0, 0), ShardMovements.Change.between(Set.of("7"), Set.of("7")));
        assertEquals(new ShardMovements.Change(0, 3), ShardMovements.Change.between(Set.of("1", "2", "3"), Set.of()));
    }
}
