package io.pmip.lma;

import io.pmip.lma.bulk.BulkGroups;
import io.pmip.lma.concurrent.AskReplies;
import io.pmip.lma.policy.LmaPolicy;
import io.pmip.lma.prefix.PrefixPoolEntity;
import io.pmip.lma.prefix.PrefixPools;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import com.typesafe.config.Config;

/**
 * Starts Cluster Sharding for the LMA's entities on this node (prefix pool shards, binding
 * entities and bulk groups, configured from {@code pmip.lma}) and is how the signaling ingress reaches a binding.
 */
public final class BindingShard {
    private final ClusterSharding sharding;
    private final LmaPolicy policy;
    private final LmaSettings settings;
    private final PrefixPools pools;
    private final BulkGroups bulkGroups;
    private final Clock clock;

    private BindingShard(ClusterSharding sharding, LmaPolicy policy, LmaSettings settings, PrefixPools pools,
                         BulkGroups bulkGroups, Clock clock) {
        this.clock = clock;
        this.sharding = sharding;
        this.policy = policy;
        this.settings = settings;
        this.pools = pools;
        this.bulkGroups = bulkGroups;
    }

    /** Reads {@code pmip.lma} from the system's configuration and starts sharding for both entity types. */
    public static BindingShard init(ActorSystem<?> system, Clock clock) {
        Config lma = system.settings().config().getConfig("pmip.lma");
        LmaSettings settings = LmaSettings.fromConfig(lma);
        LmaPolicy policy = LmaPolicy.fromConfig(lma);
        PrefixPools pools = PrefixPoolEntity.init(system, lma.getConfig("prefix-pools"), settings.snapshotEvery(),
                settings.prefixPoolTimeout(), settings.onPersistFailure());
        ClusterSharding sharding = ClusterSharding.get(system);
        BulkGroups groups = BulkGroups.init(system, settings, clock, (mnId, fact) ->
                sharding.entityRefFor(BindingEntity.TYPE_KEY, mnId).tell(new BindingEntity.BulkDeregister(fact)));
        BindingEntity.init(system, policy, settings, pools, clock, groups);
        return new BindingShard(sharding, policy, settings, pools, groups, clock);
    }

    public EntityRef<BindingEntity.Command> binding(String mnId) {
        return sharding.entityRefFor(BindingEntity.TYPE_KEY, mnId);
    }

    /**
     * Hands one PBU to the mobile node's binding entity and completes with the PBA to send. The ingress
     * should first answer on its own what needs no entity (see {@link LmaPolicy#admit}). An entity
     * that gets to the PBU only after {@code timeout} leaves it unhandled (the ask failed already).
     */
    public CompletionStage<PbaDecision> handle(PbuRequest request, Duration timeout) {
        Instant answerBy = clock.instant().plus(timeout);
        // The ingress answers the MAG from here: on the entity's thread, not a new one (see AskReplies).
        return AskReplies.onCompletingThread(binding(request.mnId()).ask(replyTo ->
                new BindingEntity.HandleProxyBindingUpdate(request, replyTo, Optional.of(answerBy)), timeout));
    }

    public LmaPolicy policy() {
        return policy;
    }

    public LmaSettings settings() {
        return settings;
    }

    public PrefixPools pools() {
        return pools;
    }

    /** The RFC 6602 bulk binding update groups. */
    public BulkGroups bulkGroups() {
        return bulkGroups;
    }
}
