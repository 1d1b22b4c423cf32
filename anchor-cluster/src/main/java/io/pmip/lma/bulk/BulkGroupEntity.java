package io.pmip.lma.bulk;

import io.pmip.lma.LmaSettings;
import io.pmip.persistence.CborSerializable;
import io.pmip.protocol.mh.BindingAckStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One bulk binding update group of one MAG (RFC 6602): a sharded, event-sourced entity keyed by
 * {@link GroupKey}. It answers the group's bulk PBUs and tells each member binding its lease.
 *
 * <p>Only group facts are journaled: that the group exists, each lease (one event per bulk refresh
 * whatever the group's size), and a bulk de-registration. A binding's expiry is the later of its own
 * lifetime and its group's lease, so a bulk refresh changes no binding: a member asks for the lease
 * when its own lifetime runs out ({@link GetLease}).
 *
 * <p>Membership is not journaled here, because the binding journal already holds it: every
 * Registered, Refreshed and HandedOff event names the serving MAG and the group. The entity keeps a
 * cache of it in memory, told by the bindings ({@link MemberJoined}, {@link MemberLeft}) after each
 * of their events and when they recover, and re-learned from every {@link GetLease}. After a restart
 * of the group alone (its shard moved, the bindings did not) the cache converges within one binding
 * lifetime, as each member asks for the lease. Until then a bulk de-registration misses members not
 * yet re-learned; those find the group gone when they ask and expire at their own lifetime, which is
 * what they would do had the MAG sent nothing. No binding ever lives longer than a lease the MAG was
 * granted. Listings count members from the binding entities themselves instead (every node's
 * binding index, which each entity fills again when it recovers).
 */
public final class BulkGroupEntity
        extends EventSourcedBehaviorWithEnforcedReplies<BulkGroupEntity.Command, BulkGroupEvent, BulkGroupState> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "BulkGroup");

    public sealed interface Command extends CborSerializable {
    }

    /** One bulk PBU of the group's MAG; always answered. */
    public record HandleBulkUpdate(BulkRequest request, ActorRef<BulkDecision> replyTo) implements Command {
    }

    /** A binding's session is now in this group (registered, handed off here, or recovered). */
    public record MemberJoined(String mnId, String sessionKey) implements Command {
    }

    /** A binding's session left this group (ended, de-registered, moved to another MAG or group). */
    public record MemberLeft(String mnId, String sessionKey) implements Command {
    }

    /** A member's own lifetime ran out: how long does the group keep it? Also re-announces the member. */
    public record GetLease(String mnId, String sessionKey, ActorRef<Lease> replyTo) implements Command {
    }

    /** The running lease, if the group exists and one is running. */
    public record Lease(GroupKey group, Optional<Instant> until) implements CborSerializable {
    }

    public record GetView(ActorRef<GroupView> replyTo) implements Command {
    }

    /** The group as this entity sees it; {@code members} counts the sessions it knows of. */
    public record GroupView(GroupKey group, boolean exists, int members, Optional<Instant> createdAt,
                            Optional<Instant> leaseUntil) implements CborSerializable {
    }

    /** Where a bulk de-registration goes: the binding entity of each member. */
    @FunctionalInterface
    public interface Members {
        void deregister(String mnId, BulkGroupEvent.GroupDeregistered fact);
    }

    private record Member(String mnId, String sessionKey) {
    }

    private final GroupKey group;
    private final LmaSettings settings;
    private final Clock clock;
    private final Members members;
    private final AtomicLong existingHere;
    private final Set<Member> known = new HashSet<>();
    /** Whether this incarnation counts its group in {@code existingHere}. */
    private boolean counted;

    /**
     * Starts sharding for groups on this node.
     *
     * @param existingHere counts the existing groups whose entity runs on this node (a gauge)
     */
    public static void init(ActorSystem<?> system, LmaSettings settings, Clock clock, Members members,
                            AtomicLong existingHere) {
        ClusterSharding.get(system).init(Entity.of(TYPE_KEY, entityContext -> create(
                GroupKey.fromEntityId(entityContext.getEntityId()), settings, clock, members, existingHere)));
    }

    public static Behavior<Command> create(GroupKey group, LmaSettings settings, Clock clock, Members members,
                                           AtomicLong existingHere) {
        return Behaviors.setup(context -> new BulkGroupEntity(group, settings, clock, members, existingHere));
    }

    public static PersistenceId persistenceId(GroupKey group) {
        return PersistenceId.of(TYPE_KEY.name(), group.entityId());
    }

    private BulkGroupEntity(GroupKey group, LmaSettings settings, Clock clock, Members members,
                            AtomicLong existingHere) {
        super(persistenceId(group));
        this.group = group;
        this.settings = settings;
        this.clock = clock;
        this.members = members;
        this.existingHere = existingHere;
    }

    @Override
    public BulkGroupState emptyState() {
        return BulkGroupState.UNKNOWN;
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
    }

    @Override
    public SignalHandler<BulkGroupState> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), this::count)
                .onSignal(PostStop.instance(), state -> uncount())
                .build();
    }

    @Override
    public CommandHandlerWithReply<Command, BulkGroupEvent, BulkGroupState> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(HandleBulkUpdate.class, this::onBulkUpdate)
                .onCommand(MemberJoined.class, this::onJoined)
                .onCommand(MemberLeft.class, (state, cmd) -> {
                    known.remove(new Member(cmd.mnId(), cmd.sessionKey()));
                    return Effect().noReply();
                })
                .onCommand(GetLease.class, (state, cmd) -> {
                    if (state.exists()) {
                        known.add(new Member(cmd.mnId(), cmd.sessionKey()));
                    }
                    return Effect().reply(cmd.replyTo(), new Lease(group, state.leaseAt(clock.instant())));
                })
                .onCommand(GetView.class, (state, cmd) -> Effect().reply(cmd.replyTo(),
                        new GroupView(group, state.exists(), known.size(), state.createdAt(), state.leaseUntil())))
                .build();
    }

    private ReplyEffect<BulkGroupEvent, BulkGroupState> onJoined(BulkGroupState state, MemberJoined cmd) {
        known.add(new Member(cmd.mnId(), cmd.sessionKey()));
        if (state.exists()) {
            return Effect().noReply();
        }
        // RFC 6602 section 3.1: the group comes to be with the first binding the MAG puts in it.
        return Effect().persist(new BulkGroupEvent.GroupCreated(group, clock.instant())).thenRun(this::count)
                .thenNoReply();
    }

    private ReplyEffect<BulkGroupEvent, BulkGroupState> onBulkUpdate(BulkGroupState state, HandleBulkUpdate cmd) {
        BulkRequest request = cmd.request();
        if (!request.group().equals(group)) {
            return Effect().reply(cmd.replyTo(), BulkDecision.reject(request, BindingAckStatus.REASON_UNSPECIFIED,
                    "routed to the entity of " + group.entityId()));
        }
        if (!state.exists()) {
            // RFC 6602 (status 175): no binding of this MAG was registered with this group identifier.
            return Effect().reply(cmd.replyTo(), BulkDecision.reject(request,
                    BindingAckStatus.INVALID_MOBILE_NODE_GROUP_IDENTIFIER, "no group " + group.entityId()));
        }
        Instant now = clock.instant();
        Optional<BulkDecision> disorder = BulkOrdering.check(state, request, now, settings.timestampValidityWindow());
        if (disorder.isPresent()) {
            return Effect().reply(cmd.replyTo(), disorder.get());
        }
        if (request.isDeregistration()) {
            BulkGroupEvent.GroupDeregistered fact = new BulkGroupEvent.GroupDeregistered(group, now,
                    request.sequence(), request.timestamp());
            Set<String> mobileNodes = new LinkedHashSet<>();
            known.forEach(m -> mobileNodes.add(m.mnId()));
            known.clear();
            // RFC 6602 section 4.2: each binding of the group is de-registered as by RFC 5213 section 5.3.5.
            return Effect().persist(fact)
                    .thenRun(s -> {
                        mobileNodes.forEach(mnId -> members.deregister(mnId, fact));
                        uncount();
                    })
                    .thenReply(cmd.replyTo(), s -> BulkDecision.accept(request, 0,
                            "de-registered " + mobileNodes.size() + " mobile nodes"));
        }
        int granted = settings.grant(request.lifetimeSeconds());
        BulkGroupEvent.LeaseGranted lease = new BulkGroupEvent.LeaseGranted(group, now, granted,
                now.plusSeconds(granted), request.sequence(), request.timestamp());
        return Effect().persist(lease)
                .thenReply(cmd.replyTo(), s -> BulkDecision.accept(request, granted, "lease until " + lease.until()));
    }

    private void count(BulkGroupState state) {
        if (state.exists() && !counted) {
            counted = true;
            existingHere.incrementAndGet();
        }
    }

    private void uncount() {
        if (counted) {
            counted = false;
            existingHere.decrementAndGet();
        }
    }

    @Override
    public EventHandler<BulkGroupState, BulkGroupEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(BulkGroupState::apply);
    }
}
