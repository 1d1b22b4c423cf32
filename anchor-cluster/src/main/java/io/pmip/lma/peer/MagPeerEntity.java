package io.pmip.lma.peer;

import io.pmip.lma.metrics.LmaMetrics;
import io.pmip.lma.metrics.MetricKey;
import io.pmip.persistence.CborSerializable;
import io.pmip.protocol.mh.Heartbeat;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One MAG as the LMA's heartbeat sees it (RFC 5847): a sharded entity keyed by the MAG's address, so in
 * a cluster exactly one node sends a MAG Heartbeat requests, while any node may receive the answer (all
 * share the LMA address and UDP port 5436) and routes it here through sharding. It heartbeats a MAG
 * every HEARTBEAT_INTERVAL from the MAG's first PBU until no PBU came from it for the longest lifetime
 * the LMA grants, matches answers by Sequence Number, declares the path DOWN after
 * MISSING_HEARTBEATS_ALLOWED misses, and acts on a changed Restart Counter.
 *
 * <p>Why the Restart Counter is journaled: the bindings it guards are durable and outlive any LMA node,
 * so the counter must too. Were it kept in memory, a MAG that restarts while its peer entity moves to
 * another node (failover, rebalance) would be met there with no previous counter, its restart would go
 * unnoticed and its lost sessions would linger until their lifetimes end. Only the rare facts are
 * journaled (the MAG's address, a new counter, a restart), never a heartbeat; the path state is
 * re-learned by the new host within MISSING_HEARTBEATS_ALLOWED intervals. The entity is remembered
 * (cluster sharding remember-entities), so a moved peer resumes heartbeating at once.
 *
 * <p>RFC 5847 section 3.1 leaves the reaction to a detected failure to the implementation: a DOWN MAG
 * keeps its bindings until their lifetimes end (a path outage is not a loss of state, and the MAG
 * refreshes them when it is back); it is counted, logged and shown. A restart (section 3.2) removes the
 * sessions the MAG lost, see {@link MagRestartCleanup}.
 */
public final class MagPeerEntity
        extends EventSourcedBehaviorWithEnforcedReplies<MagPeerEntity.Command, MagPeerEvent, MagPeerState> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "MagPeer");
    private static final String HEARTBEAT_TIMER = "heartbeat";

    public sealed interface Command extends CborSerializable {
    }

    /** An authorized MAG sent a PBU to some node, reachable at {@code address}. */
    public record Observed(MagAddress address, Instant at) implements Command {
    }

    /** A Heartbeat response from the MAG arrived at some node. */
    public record HeartbeatAnswered(long sequence, OptionalLong restartCounter, Instant at) implements Command {
    }

    public record GetStatus(ActorRef<PeerStatus> replyTo) implements Command {
    }

    /** Timer: HEARTBEAT_INTERVAL passed. */
    record Tick() implements Command {
    }

    /** The sessions of a restarted MAG were removed (or could not be). */
    record CleanupDone(long restartCounter, int removed, Optional<String> failure) implements Command {
    }

    /** What every peer entity of a node shares. */
    record Context(HeartbeatSettings settings, HeartbeatSender sender, MagRestartCleanup cleanup, LmaMetrics metrics,
            Clock clock) {
    }

    private final String mag;
    private final Context shared;
    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private final Optional<ActorRef<ClusterSharding.ShardCommand>> shard;
    private PeerPath path = PeerPath.initial(ThreadLocalRandom.current().nextLong(1L << 32));
    private Instant lastSignaling = Instant.EPOCH;

    static Behavior<Command> create(String mag, Context shared,
            Optional<ActorRef<ClusterSharding.ShardCommand>> shard) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers ->
                new MagPeerEntity(mag, shared, context, timers, shard)));
    }

    public static PersistenceId persistenceId(String mag) {
        return PersistenceId.of(TYPE_KEY.name(), mag);
    }

    private MagPeerEntity(String mag, Context shared, ActorContext<Command> context, TimerScheduler<Command> timers,
            Optional<ActorRef<ClusterSharding.ShardCommand>> shard) {
        super(persistenceId(mag));
        this.mag = mag;
        this.shared = shared;
        this.context = context;
        this.timers = timers;
        this.shard = shard;
    }

    @Override
    public MagPeerState emptyState() {
        return MagPeerState.EMPTY;
    }

    @Override
    public EventHandler<MagPeerState, MagPeerEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(MagPeerState::apply);
    }

    @Override
    public SignalHandler<MagPeerState> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), state -> {
                    // Remembered and restarted here (failover, rebalance): resume with a fresh idle window.
                    if (state.address().isPresent()) {
                        lastSignaling = shared.clock().instant();
                        startHeartbeat();
                    }
                })
                .onSignal(PostStop.instance(), state -> shared.metrics().heartbeatPeerGone(mag))
                .build();
    }

    @Override
    public CommandHandlerWithReply<Command, MagPeerEvent, MagPeerState> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(Observed.class, this::onObserved)
                .onCommand(Tick.class, this::onTick)
                .onCommand(HeartbeatAnswered.class, this::onAnswered)
                .onCommand(CleanupDone.class, this::onCleanupDone)
                .onCommand(GetStatus.class, (state, cmd) -> Effect().none()
                        .thenRun(s -> {
                            if (!timers.isTimerActive(HEARTBEAT_TIMER)) {
                                passivate(); // asked about a MAG it does not heartbeat: do not stay
                            }
                        })
                        .thenReply(cmd.replyTo(), s -> status(s)))
                .build();
    }

    private ReplyEffect<MagPeerEvent, MagPeerState> onObserved(MagPeerState state, Observed cmd) {
        if (cmd.at().isAfter(lastSignaling)) {
            lastSignaling = cmd.at();
        }
        if (state.address().equals(Optional.of(cmd.address()))) {
            startHeartbeat();
            return Effect().noReply();
        }
        return Effect().persist(new MagPeerEvent.AddressLearned(mag, cmd.address(), shared.clock().instant()))
                .thenRun(s -> startHeartbeat()).thenNoReply();
    }

    private ReplyEffect<MagPeerEvent, MagPeerState> onTick(MagPeerState state, Tick tick) {
        Instant now = shared.clock().instant();
        if (state.address().isEmpty() || now.isAfter(lastSignaling.plus(shared.settings().idleAfter()))) {
            // RFC 5847 section 3: heartbeats only while the MAG may still have a session here.
            timers.cancel(HEARTBEAT_TIMER);
            context.getLog().info("MAG {}: no PBU for {}, its bindings have ended; heartbeats stop", mag,
                    shared.settings().idleAfter());
            shared.metrics().heartbeatPeerGone(mag);
            return Effect().persist(new MagPeerEvent.HeartbeatsStopped(mag, now)).thenRun(s -> passivate())
                    .thenNoReply();
        }
        PeerPath before = path;
        path = path.requestSent((path.sequence() + 1) & 0xffffffffL, shared.settings().missingHeartbeatsAllowed());
        if (before.state() != PathState.DOWN && path.state() == PathState.DOWN) {
            shared.metrics().increment(MetricKey.of("heartbeat_path_down"));
            context.getLog().warn("MAG {} declared DOWN: {} Heartbeat requests in a row unanswered (RFC 5847 "
                    + "section 3.1); its bindings are kept until their lifetimes end", mag, path.missed());
        }
        shared.metrics().heartbeatPeer(mag, path.state().label());
        shared.sender().send(state.address().get(), Heartbeat.request(path.sequence(), List.of()));
        return Effect().noReply();
    }

    private ReplyEffect<MagPeerEvent, MagPeerState> onAnswered(MagPeerState state, HeartbeatAnswered cmd) {
        if (!path.answers(cmd.sequence())) {
            // Late (a request after it already went out) or not ours: RFC 5847 section 3.1 matches by sequence.
            shared.metrics().dropped("unexpected_heartbeat_response");
            if (!timers.isTimerActive(HEARTBEAT_TIMER)) {
                passivate(); // started by a response to nothing of ours: do not stay
            }
            return Effect().noReply();
        }
        PeerPath before = path;
        path = path.answered(cmd.at());
        shared.metrics().heartbeatPeer(mag, path.state().label());
        if (before.state() == PathState.DOWN) {
            context.getLog().info("MAG {} answers Heartbeat requests again: path UP", mag);
        }
        if (cmd.restartCounter().isEmpty()) {
            return Effect().noReply();
        }
        long reported = cmd.restartCounter().getAsLong();
        if (state.restartCounter().isEmpty()) {
            return Effect().persist(new MagPeerEvent.RestartCounterLearned(mag, reported, cmd.at())).thenNoReply();
        }
        if (!state.restartedAccordingTo(reported)) {
            return Effect().noReply();
        }
        // The previous incarnation answered last at before.lastAnswer(); when this node never heard it,
        // the journaled time the old counter was learned is the latest instant known to predate the restart.
        Instant staleBefore = before.lastAnswer().or(state::counterSince).orElse(cmd.at());
        MagPeerEvent.MagRestarted restarted = new MagPeerEvent.MagRestarted(mag, state.restartCounter().getAsLong(),
                reported, staleBefore, cmd.at());
        return Effect().persist(restarted).thenRun(s -> onRestart(restarted)).thenNoReply();
    }

    private void onRestart(MagPeerEvent.MagRestarted restarted) {
        shared.metrics().increment(MetricKey.of("mag_restart_detected"));
        context.getLog().warn("MAG {} restarted (Restart Counter {} -> {}, RFC 5847 section 3, restart detection): removing its "
                + "sessions last updated at or before {}", mag, restarted.previous(), restarted.restartCounter(),
                restarted.staleBefore());
        context.pipeToSelf(shared.cleanup().removeStale(mag, restarted.staleBefore()), (removed, failure) ->
                failure == null ? new CleanupDone(restarted.restartCounter(), removed, Optional.empty())
                        : new CleanupDone(restarted.restartCounter(), 0, Optional.of(String.valueOf(failure))));
    }

    private ReplyEffect<MagPeerEvent, MagPeerState> onCleanupDone(MagPeerState state, CleanupDone done) {
        shared.metrics().add(MetricKey.of("mag_restart_sessions_removed"), done.removed());
        if (done.failure().isPresent()) {
            shared.metrics().increment(MetricKey.of("mag_restart_cleanup_failed"));
            context.getLog().error("MAG {} restarted: removed {} sessions, then failed: {}; the rest end with "
                    + "their lifetimes", mag, done.removed(), done.failure().get());
        } else {
            context.getLog().info("MAG {} restarted: {} stale sessions removed", mag, done.removed());
        }
        return Effect().noReply();
    }

    private PeerStatus status(MagPeerState state) {
        return new PeerStatus(mag, path.state(), path.missed(), path.lastAnswer(), state.restartCounter(),
                timers.isTimerActive(HEARTBEAT_TIMER));
    }

    private void startHeartbeat() {
        if (!timers.isTimerActive(HEARTBEAT_TIMER)) {
            timers.startTimerWithFixedDelay(HEARTBEAT_TIMER, new Tick(), shared.settings().interval());
            shared.metrics().heartbeatPeer(mag, path.state().label());
        }
    }

    private void passivate() {
        shard.ifPresent(s -> s.tell(new ClusterSharding.Passivate<>(context.getSelf())));
    }
}
