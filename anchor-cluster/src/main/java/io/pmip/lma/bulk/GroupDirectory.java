package io.pmip.lma.bulk;

import org.apache.pekko.actor.typed.RecipientRef;

/** How a binding entity reaches the entity of a bulk group (through sharding, or directly in tests). */
@FunctionalInterface
public interface GroupDirectory {
    RecipientRef<BulkGroupEntity.Command> group(GroupKey key);
}
