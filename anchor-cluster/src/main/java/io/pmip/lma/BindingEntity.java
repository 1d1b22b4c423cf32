package io.pmip.lma;

import io.pmip.lma.bulk.BulkGroupEntity;
import io.pmip.lma.bulk.BulkGroupEvent;
import io.pmip.lma.bulk.GroupDirectory;
import io.pmip.lma.bulk.GroupKey;
import io.pmip.lma.bulk.GroupMembership;
import io.pmip.lma.index.BindingIndex;
import io.pmip.lma.index.HostedBindings;
import io.pmip.lma.policy.LmaPolicy;
import io.pmip.lma.policy.MobileNodeProfile;
import io.pmip.lma.prefix.PrefixPoolClient;
import io.pmip.lma.prefix.PrefixPools;
import io.pmip.persistence.CborSerializable;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.BindingAckStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
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
 * The binding cache of one mobile node, keyed by its MN-Identifier: a sharded, event-sourced entity
 * that applies RFC 5213 section 5.3 to every Proxy Binding Update and answers each with a
 * {@link PbaDecision}. Rejections journal nothing and leave existing sessions untouched.
 */
public final class BindingEntity
        extends EventSourcedBehaviorWithEnforcedReplies<BindingEntity.Command, BindingEvent, BindingState> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Binding");

    public sealed interface Command extends CborSerializable {
    }

    /**
     * How far this node's clock may run ahead of the asking node's before a PBU in time is taken
     * for one whose asker stopped waiting (the nodes' clocks are NTP-synchronized; a MAG's
     * Timestamp option assumes as much, RFC 5213 section 5.5).
     */
    static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofSeconds(2);

    /**
     * One received Proxy Binding Update; answered unless {@code answerBy} passed before the entity got
     * to it: the asker (the ingress, after its entity-timeout) has stopped waiting and the MAG has sent
     * again (RFC 5213 section 6.9.4), so handling it would journal a refresh nobody hears of. After a
     * failover an entity finds every PBU buffered while its shard had no home; without this each
     * one was journaled in turn.
     */
    public record HandleProxyBindingUpdate(PbuRequest request, ActorRef<PbaDecision> replyTo,
                                           Optional<Instant> answerBy) implements Command {
        public HandleProxyBindingUpdate(PbuRequest request, ActorRef<PbaDecision> replyTo) {
            this(request, replyTo, Optional.empty());
        }
    }

    public record Get(ActorRef<BindingView> replyTo) implements Command {
    }

    /** Ends one session (or all when {@code sessionKey} is empty) at once, e.g. for RFC 5846 revocation. */
    public record Revoke(Optional<String> sessionKey, String reason, ActorRef<RevokeResult> replyTo)
            implements Command {
    }

    public record RevokeResult(String mnId, List<MobilitySession> sessions) implements CborSerializable {
    }

    /** Timer: a session's lifetime or its MinDelayBeforeBCEDelete may have run out. */
    public record CheckSession(String sessionKey) implements Command {
    }

    /** RFC 6602 section 4.2: the MAG de-registered a bulk group; its sessions in the group are de-registered. */
    public record BulkDeregister(BulkGroupEvent.GroupDeregistered fact) implements Command {
    }

    /** A group answered (or did not) how long it keeps a session whose own lifetime ran out. */
    record GroupLeaseAnswered(String sessionKey, GroupKey group, Optional<Instant> until, Optional<String> failure)
            implements Command {
    }

    /** The prefix pool confirmed (or failed to confirm) the release of an ended session's prefixes. */
    record PrefixesReturned(String sessionKey, Optional<String> failure) implements Command {
    }

    /** A held PBU (see {@link BindingRules.AwaitDeregistration}) evaluated again (local only). */
    record Reevaluate(PbuRequest request, ActorRef<PbaDecision> replyTo, Instant receivedAt,
                      boolean newBceAssignDelayOver) implements Command {
    }

    /** Timer: MaxDelayBeforeNewBCEAssign of the held PBU ran out (RFC 5213 section 5.4.1.3). */
    record NewBceAssignDelayOver() implements Command {
    }

    /** Timer: try again to release an ended session's prefixes. */
    record RetryRelease(String sessionKey) implements Command {
    }

    /** The prefix pool answered a registration that was waiting for it (local only). */
    record PoolAnswered(PbuRequest request, ActorRef<PbaDecision> replyTo, String pool, String sessionKey,
                        int lifetimeGranted, Optional<Ipv6Prefix> prefix, Optional<String> failure)
            implements Command {
    }

    private final String mnId;
    private final LmaPolicy policy;
    private final LmaSettings settings;
    private final PrefixPools pools;
    private final Clock clock;
    private final BindingRules rules;
    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private final Optional<ActorRef<ClusterSharding.ShardCommand>> shard;
    private final GroupMembership groups;
    /** This node's index of the sessions its entities serve (the admin listings, MAG cleanup). */
    private final BindingIndex hosted;
    /** True while a registration waits for the prefix pool; other commands are stashed meanwhile. */
    private boolean awaitingPool;
    /** The PBU with Handoff Indicator 4 waiting for the old MAG's de-registration, if any; not journaled. */
    private Optional<HeldPbu> held = Optional.empty();

    private record HeldPbu(Reevaluate pbu, String sessionKey) {
    }

    private static final String NEW_BCE_ASSIGN_TIMER = "max-delay-before-new-bce-assign";

    public static void init(ActorSystem<?> system, LmaPolicy policy, LmaSettings settings, PrefixPools pools,
                            Clock clock, GroupDirectory groups) {
        ClusterSharding.get(system).init(Entity.of(TYPE_KEY,
                entityContext -> create(entityContext.getEntityId(), policy, settings, pools, clock,
                        Optional.of(entityContext.getShard()), Optional.of(groups))));
    }

    /**
     * The entity behavior; {@code shard} is the sharding shard to ask for passivation once no session
     * is left (with remembered entities an entity must passivate to be forgotten), empty when not sharded.
     */
    public static Behavior<Command> create(String mnId, LmaPolicy policy, LmaSettings settings, PrefixPools pools,
                                           Clock clock, Optional<ActorRef<ClusterSharding.ShardCommand>> shard) {
        return create(mnId, policy, settings, pools, clock, shard, Optional.empty());
    }

    /** As above; {@code groups} reaches the RFC 6602 bulk groups whose leases extend sessions (none: no leases). */
    public static Behavior<Command> create(String mnId, LmaPolicy policy, LmaSettings settings, PrefixPools pools,
                                           Clock clock, Optional<ActorRef<ClusterSharding.ShardCommand>> shard,
                                           Optional<GroupDirectory> groups) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers ->
                new BindingEntity(mnId, policy, settings, pools, clock, context, timers, shard, groups)));
    }

    public static PersistenceId persistenceId(String mnId) {
        return PersistenceId.of(TYPE_KEY.name(), mnId);
    }

    private BindingEntity(String mnId, LmaPolicy policy, LmaSettings settings, PrefixPools pools, Clock clock,
                          ActorContext<Command> context, TimerScheduler<Command> timers,
                          Optional<ActorRef<ClusterSharding.ShardCommand>> shard, Optional<GroupDirectory> groups) {
        super(persistenceId(mnId), settings.onPersistFailure());
        this.mnId = mnId;
        this.policy = policy;
        this.settings = settings;
        this.pools = pools;
        this.clock = clock;
        this.rules = new BindingRules(settings);
        this.context = context;
        this.timers = timers;
        this.shard = shard;
        this.groups = new GroupMembership(mnId, groups);
        this.hosted = HostedBindings.of(context.getSystem());
    }

    @Override
    public BindingState emptyState() {
        return BindingState.EMPTY;
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
    }

    @Override
    public SignalHandler<BindingState> signalHandler() {
        // Timers do not survive a restart or a move to another node: re-arm them from the recovered state.
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), state -> {
                    // After a restart on persist failure: what was only in memory is gone (the MAG retransmits).
                    awaitingPool = false;
                    held = Optional.empty();
                    state.all().forEach(this::arm);
                    state.all().forEach(s -> groups.update(s.sessionKey(), Optional.of(s)));
                    state.pendingReleases().values().forEach(this::release);
                    hosted.hold(mnId, state.sessions());
                })
                // Stopped (passivated, handed off) or restarting after a failed write: served elsewhere or later.
                .onSignal(PostStop.instance(), state -> hosted.released(mnId))
                .onSignal(PreRestart.instance(), state -> hosted.released(mnId))
                .build();
    }

    @Override
    public CommandHandlerWithReply<Command, BindingEvent, BindingState> commandHandler() {
        // One handler case instead of one per command type: the builder's cases are kept per entity,
        // and a binding entity is alive for every registered mobile node (see docs/benchmarks.md, memory).
        return newCommandHandlerWithReplyBuilder().forAnyState().onAnyCommand(this::onCommand);
    }

    private ReplyEffect<BindingEvent, BindingState> onCommand(BindingState state, Command command) {
        if (command instanceof HandleProxyBindingUpdate cmd) {
            Instant now = clock.instant();
            if (cmd.answerBy().filter(by -> now.isAfter(by.plus(CLOCK_SKEW_ALLOWANCE))).isPresent()) {
                context.getLog().debug("PBU of {} seq {} not handled: its asker stopped waiting at {}", mnId,
                        cmd.request().sequence(), cmd.answerBy().get());
                return Effect().noReply();
            }
            return onPbu(state, new Reevaluate(cmd.request(), cmd.replyTo(), now, false));
        }
        if (command instanceof Reevaluate cmd) {
            return onPbu(state, cmd);
        }
        if (command instanceof PoolAnswered cmd) {
            return onPoolAnswered(state, cmd);
        }
        if (command instanceof CheckSession cmd) {
            return onCheckSession(state, cmd);
        }
        if (command instanceof GroupLeaseAnswered cmd) {
            return onGroupLeaseAnswered(state, cmd);
        }
        if (command instanceof BulkDeregister cmd) {
            return onBulkDeregister(state, cmd);
        }
        if (command instanceof NewBceAssignDelayOver cmd) {
            return onNewBceAssignDelayOver(state, cmd);
        }
        if (command instanceof Revoke cmd) {
            return onRevoke(state, cmd);
        }
        if (command instanceof PrefixesReturned cmd) {
            return onPrefixesReturned(state, cmd);
        }
        if (command instanceof RetryRelease cmd) {
            return Effect().none()
                    .thenRun(s -> Optional.ofNullable(s.pendingReleases().get(cmd.sessionKey())).ifPresent(this::release))
                    .thenNoReply();
        }
        Get get = (Get) command;
        return Effect().none().thenRun(this::passivateIfEmpty)
                .thenReply(get.replyTo(), s -> new BindingView(mnId, s.all()));
    }

    private ReplyEffect<BindingEvent, BindingState> onPbu(BindingState state, Reevaluate cmd) {
        if (awaitingPool) {
            return Effect().stash();
        }
        PbuRequest pbu = cmd.request();
        if (!pbu.mnId().equals(mnId)) {
            return answer(cmd.replyTo(), PbaDecision.reject(pbu, BindingAckStatus.REASON_UNSPECIFIED,
                    "routed to the entity of " + mnId));
        }
        Optional<LmaPolicy.Refusal> refusal = policy.admit(pbu.mnId(), pbu.servingMag(), pbu.accessTechnology());
        if (refusal.isPresent()) {
            return answer(cmd.replyTo(), PbaDecision.reject(pbu, refusal.get().status(), refusal.get().detail()));
        }
        MobileNodeProfile profile = policy.profileFor(mnId).orElseThrow();
        BindingRules.Outcome outcome = rules.evaluate(state, pbu, profile, cmd.receivedAt(), clock.instant(),
                cmd.newBceAssignDelayOver());
        if (outcome instanceof BindingRules.AwaitDeregistration wait) {
            // RFC 5213 section 5.4.1.3: a retransmission replaces the held PBU; the delay keeps running.
            held = Optional.of(new HeldPbu(cmd, wait.sessionKey()));
            if (!timers.isTimerActive(NEW_BCE_ASSIGN_TIMER)) {
                timers.startSingleTimer(NEW_BCE_ASSIGN_TIMER, new NewBceAssignDelayOver(),
                        settings.maxDelayBeforeNewBceAssign());
            }
            return Effect().noReply();
        }
        if (outcome instanceof BindingRules.Answer a) {
            return answer(cmd.replyTo(), a.reply());
        }
        if (outcome instanceof BindingRules.Persist p) {
            return persist(p.event(), cmd.replyTo(), p.reply());
        }
        BindingRules.NeedPoolPrefix need = (BindingRules.NeedPoolPrefix) outcome;
        Optional<PrefixPoolClient> pool = pools.pool(need.pool());
        if (pool.isEmpty()) {
            return answer(cmd.replyTo(), PbaDecision.reject(pbu, BindingAckStatus.INSUFFICIENT_RESOURCES,
                    "no prefix pool named " + need.pool()));
        }
        awaitingPool = true;
        context.pipeToSelf(pool.get().allocate(need.holder()), (prefix, failure) -> new PoolAnswered(pbu,
                cmd.replyTo(), need.pool(), need.sessionKey(), need.lifetimeGranted(),
                failure == null ? prefix : Optional.empty(),
                Optional.ofNullable(failure).map(Throwable::toString)));
        return Effect().noReply();
    }

    private ReplyEffect<BindingEvent, BindingState> onNewBceAssignDelayOver(BindingState state,
                                                                          NewBceAssignDelayOver timer) {
        Optional<HeldPbu> due = held;
        held = Optional.empty();
        return due.map(h -> onPbu(state, new Reevaluate(h.pbu().request(), h.pbu().replyTo(), h.pbu().receivedAt(),
                true))).orElseGet(() -> Effect().noReply());
    }

    private ReplyEffect<BindingEvent, BindingState> onPoolAnswered(BindingState state, PoolAnswered answer) {
        awaitingPool = false;
        PbuRequest pbu = answer.request();
        if (answer.prefix().isEmpty()) {
            // RFC 5213 section 5.3.2: no prefix can be assigned.
            String why = answer.failure().map(f -> "prefix pool " + answer.pool() + " unavailable: " + f)
                    .orElse("prefix pool " + answer.pool() + " exhausted");
            context.getLog().warn("rejecting PBU for {}: {}", mnId, why);
            return answer(answer.replyTo(), PbaDecision.reject(pbu, BindingAckStatus.INSUFFICIENT_RESOURCES, why))
                    .thenUnstashAll();
        }
        List<Ipv6Prefix> prefixes = List.of(answer.prefix().get());
        BindingEvent event = BindingRules.registered(pbu, answer.sessionKey(), prefixes, Optional.of(answer.pool()),
                answer.lifetimeGranted(), clock.instant());
        return Effect().persist(event)
                .thenRun(s -> afterEvent(s, event.sessionKey()))
                .thenReply(answer.replyTo(), s -> PbaDecision.accept(pbu, prefixes, answer.lifetimeGranted(),
                        "registered"))
                .thenUnstashAll();
    }

    private ReplyEffect<BindingEvent, BindingState> persist(BindingEvent event,
                                                            ActorRef<PbaDecision> replyTo, PbaDecision reply) {
        return Effect().persist(event)
                .thenRun(s -> afterEvent(s, event.sessionKey()))
                .thenReply(replyTo, s -> reply);
    }

    private ReplyEffect<BindingEvent, BindingState> onCheckSession(BindingState state, CheckSession cmd) {
        if (awaitingPool) {
            return Effect().stash();
        }
        Optional<MobilitySession> found = state.session(cmd.sessionKey());
        if (found.isEmpty()) {
            return Effect().noReply();
        }
        MobilitySession s = found.get();
        Instant now = clock.instant();
        if (now.isBefore(s.nextDeadline())) {
            // Fired early (clock adjusted, or a timer from before a refresh): look again later.
            return Effect().none().thenRun(st -> arm(s)).thenNoReply();
        }
        Optional<GroupKey> group = groups.leaseHolder(s);
        if (group.isPresent()) {
            // RFC 6602 section 4.2: a bulk refresh extended the whole group; the session lives until its lease ends.
            askLease(s, group.get());
            return Effect().noReply();
        }
        return end(s, now);
    }

    private ReplyEffect<BindingEvent, BindingState> end(MobilitySession s, Instant now) {
        BindingEvent event = s.isDeregistered()
                // RFC 5213 section 5.3.5: MinDelayBeforeBCEDelete is over, delete the entry.
                ? new BindingEvent.SessionDeleted(mnId, s.sessionKey(), now, s.servingMag(), s.homeNetworkPrefixes())
                // RFC 5213 section 5.3.3: the lifetime granted there ran out without a refresh.
                : new BindingEvent.Expired(mnId, s.sessionKey(), now, s.servingMag(), s.homeNetworkPrefixes());
        return Effect().persist(event).thenRun(st -> afterEvent(st, s.sessionKey())).thenNoReply();
    }

    private void askLease(MobilitySession s, GroupKey group) {
        // Not context.ask: its pipeToSelf would start a thread per answer on 2 cores (see Replies), and a
        // group's whole membership asks when its members' own lifetimes run out together.
        context.pipeToSelf(Replies.onReplyingThread(AskPattern.ask(groups.directory().orElseThrow().group(group),
                        (ActorRef<BulkGroupEntity.Lease> replyTo) -> new BulkGroupEntity.GetLease(mnId,
                                s.sessionKey(), replyTo), GroupMembership.LEASE_ASK_TIMEOUT, context.getSystem().scheduler())),
                (lease, failure) -> new GroupLeaseAnswered(s.sessionKey(), group,
                        lease == null ? Optional.empty() : lease.until(),
                        Optional.ofNullable(failure).map(Throwable::toString)));
    }

    private ReplyEffect<BindingEvent, BindingState> onGroupLeaseAnswered(BindingState state, GroupLeaseAnswered cmd) {
        if (awaitingPool) {
            return Effect().stash();
        }
        Optional<MobilitySession> found = state.session(cmd.sessionKey());
        Instant now = clock.instant();
        if (found.isEmpty() || now.isBefore(found.get().nextDeadline())
                || !groups.leaseHolder(found.get()).equals(Optional.of(cmd.group()))) {
            // Refreshed, moved or ended while the group answered: look again from the session as it is.
            found.ifPresent(this::arm);
            return Effect().noReply();
        }
        MobilitySession s = found.get();
        Instant until = cmd.until().orElse(now);
        // An unreachable group may still hold a lease; none it granted outlives the longest lifetime.
        if (cmd.failure().isPresent()
                && now.isBefore(s.expiresAt().plusSeconds(settings.maxLifetimeSeconds()))) {
            context.getLog().warn("group {} of {} did not answer, asking again: {}", cmd.group().entityId(), mnId,
                    cmd.failure().get());
            until = now.plus(GroupMembership.LEASE_ASK_TIMEOUT);
        }
        if (now.isBefore(until)) {
            timers.startSingleTimer(s.sessionKey(), new CheckSession(s.sessionKey()), Duration.between(now, until));
            return Effect().noReply();
        }
        return end(s, now);
    }

    /** RFC 6602 section 4.2 with RFC 5213 section 5.3.5: each session in the group waits out MinDelayBeforeBCEDelete. */
    private ReplyEffect<BindingEvent, BindingState> onBulkDeregister(BindingState state, BulkDeregister cmd) {
        if (awaitingPool) {
            return Effect().stash();
        }
        BulkGroupEvent.GroupDeregistered fact = cmd.fact();
        Instant now = clock.instant();
        List<BindingEvent> events = state.all().stream()
                .filter(s -> GroupKey.of(s).equals(Optional.of(fact.group())))
                .<BindingEvent>map(s -> new BindingEvent.Deregistered(mnId, s.sessionKey(), now, s.servingMag(),
                        s.homeNetworkPrefixes(), fact.timestamp(), fact.sequence(),
                        now.plus(settings.minDelayBeforeBceDelete())))
                .toList();
        if (events.isEmpty()) {
            return Effect().none().thenRun(this::passivateIfEmpty).thenNoReply();
        }
        return Effect().persist(events).thenRun(st -> events.forEach(e -> afterEvent(st, e.sessionKey())))
                .thenNoReply();
    }

    private ReplyEffect<BindingEvent, BindingState> onRevoke(BindingState state, Revoke cmd) {
        if (awaitingPool) {
            return Effect().stash();
        }
        List<MobilitySession> targets = cmd.sessionKey().map(k -> state.session(k).map(List::of).orElse(List.of()))
                .orElse(state.all());
        if (targets.isEmpty()) {
            return Effect().reply(cmd.replyTo(), new RevokeResult(mnId, List.of()));
        }
        Instant now = clock.instant();
        List<BindingEvent> events = new ArrayList<>();
        for (MobilitySession s : targets) {
            events.add(new BindingEvent.Revoked(mnId, s.sessionKey(), now, s.servingMag(), s.homeNetworkPrefixes(),
                    cmd.reason()));
        }
        return Effect().persist(events).thenRun(st -> targets.forEach(s -> afterEvent(st, s.sessionKey())))
                .thenReply(cmd.replyTo(), st -> new RevokeResult(mnId, targets));
    }

    private ReplyEffect<BindingEvent, BindingState> onPrefixesReturned(BindingState state, PrefixesReturned cmd) {
        if (awaitingPool) {
            return Effect().stash();
        }
        BindingState.PendingRelease pending = state.pendingReleases().get(cmd.sessionKey());
        if (pending == null) {
            return Effect().noReply();
        }
        if (cmd.failure().isPresent()) {
            context.getLog().warn("prefixes {} of {} not yet released, retrying: {}", pending.prefixes(), mnId,
                    cmd.failure().get());
            timers.startSingleTimer("release:" + cmd.sessionKey(), new RetryRelease(cmd.sessionKey()),
                    settings.prefixPoolTimeout());
            return Effect().noReply();
        }
        BindingEvent event = new BindingEvent.PrefixesReleased(mnId, pending.sessionKey(), clock.instant(),
                pending.servingMag(), pending.prefixes());
        return Effect().persist(event).thenRun(this::passivateIfEmpty).thenNoReply();
    }

    /** Timers for a changed session, and the release of its pool prefixes once it is gone for good. */
    private void afterEvent(BindingState state, String sessionKey) {
        state.session(sessionKey).ifPresentOrElse(this::arm, () -> timers.cancel(sessionKey));
        groups.update(sessionKey, state.session(sessionKey));
        releaseHeldPbu(state);
        Optional.ofNullable(state.pendingReleases().get(sessionKey)).ifPresent(this::release);
        passivateIfEmpty(state);
    }

    /** RFC 5213 section 5.4.1.3: the session a held PBU waited on was de-registered (or ended): decide now. */
    private void releaseHeldPbu(BindingState state) {
        held.filter(h -> state.session(h.sessionKey()).map(MobilitySession::isDeregistered).orElse(true))
                .ifPresent(h -> {
                    held = Optional.empty();
                    timers.cancel(NEW_BCE_ASSIGN_TIMER);
                    context.getSelf().tell(h.pbu());
                });
    }

    private void release(BindingState.PendingRelease pending) {
        Optional<PrefixPoolClient> pool = pools.pool(pending.pool());
        if (pool.isEmpty()) {
            // The pool was removed from the configuration: nothing is left to give the prefixes back to.
            context.getSelf().tell(new PrefixesReturned(pending.sessionKey(), Optional.empty()));
            return;
        }
        String holder = BindingRules.holder(mnId, pending.sessionKey());
        CompletableFuture<?>[] releases = pending.prefixes().stream()
                .map(p -> pool.get().release(holder, p).toCompletableFuture()).toArray(CompletableFuture[]::new);
        context.pipeToSelf(CompletableFuture.allOf(releases), (ok, failure) -> new PrefixesReturned(
                pending.sessionKey(), Optional.ofNullable(failure).map(Throwable::toString)));
    }

    /** A mobile node with no session needs no actor (and must not stay a remembered entity). */
    private void passivateIfEmpty(BindingState state) {
        if (state.isIdle() && !awaitingPool) {
            shard.ifPresent(s -> s.tell(new ClusterSharding.Passivate<>(context.getSelf())));
        }
    }

    private ReplyEffect<BindingEvent, BindingState> answer(ActorRef<PbaDecision> replyTo, PbaDecision decision) {
        return Effect().none().thenRun(this::passivateIfEmpty).thenReply(replyTo, s -> decision);
    }

    private void arm(MobilitySession session) {
        Duration delay = Duration.between(clock.instant(), session.nextDeadline());
        timers.startSingleTimer(session.sessionKey(), new CheckSession(session.sessionKey()),
                delay.isNegative() ? Duration.ZERO : delay);
    }

    @Override
    public EventHandler<BindingState, BindingEvent> eventHandler() {
        // Also while replaying: the node's index shows what this entity serves, wherever it recovers.
        return newEventHandlerBuilder().forAnyState().onAnyEvent((state, event) -> {
            BindingState next = state.apply(event);
            hosted.applied(event, next.sessions());
            return next;
        });
    }
}
