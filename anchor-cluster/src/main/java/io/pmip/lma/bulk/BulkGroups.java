package io.pmip.lma.bulk;

import io.pmip.lma.LmaSettings;
import io.pmip.lma.Replies;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** The bulk groups of this node's cluster, through sharding: how the ingress and bindings reach a group. */
public final class BulkGroups implements GroupDirectory {
    private final ClusterSharding sharding;
    private final AtomicLong existingHere;

    private BulkGroups(ClusterSharding sharding, AtomicLong existingHere) {
        this.sharding = sharding;
        this.existingHere = existingHere;
    }

    /** Starts sharding for {@link BulkGroupEntity}; a bulk de-registration reaches members through {@code members}. */
    public static BulkGroups init(ActorSystem<?> system, LmaSettings settings, Clock clock,
                                  BulkGroupEntity.Members members) {
        AtomicLong existingHere = new AtomicLong();
        BulkGroupEntity.init(system, settings, clock, members, existingHere);
        return new BulkGroups(ClusterSharding.get(system), existingHere);
    }

    @Override
    public RecipientRef<BulkGroupEntity.Command> group(GroupKey key) {
        return sharding.entityRefFor(BulkGroupEntity.TYPE_KEY, key.entityId());
    }

    /** Hands one bulk PBU to its group and completes with the PBA to send. */
    public CompletionStage<BulkDecision> handle(BulkRequest request, Duration timeout) {
        return Replies.onReplyingThread(sharding.entityRefFor(BulkGroupEntity.TYPE_KEY, request.group().entityId())
                .ask(replyTo -> new BulkGroupEntity.HandleBulkUpdate(request, replyTo), timeout));
    }

    public CompletionStage<BulkGroupEntity.GroupView> view(GroupKey key, Duration timeout) {
        return Replies.onReplyingThread(sharding.entityRefFor(BulkGroupEntity.TYPE_KEY, key.entityId())
                .ask(BulkGroupEntity.GetView::new, timeout));
    }

    /** Existing groups whose entity runs on this node. */
    public long existingHere() {
        return existingHere.get();
    }
}
