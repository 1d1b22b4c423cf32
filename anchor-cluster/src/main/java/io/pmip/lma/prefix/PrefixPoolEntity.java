package io.pmip.lma.prefix;

import io.pmip.persistence.CborSerializable;
import io.pmip.protocol.Ipv6Prefix;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.pekko.Done;
import com.typesafe.config.Config;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.BackoffSupervisorStrategy;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * One shard of a prefix pool: the single writer for a contiguous sub-range of one aggregate.
 * Allocation is idempotent per holder (a holder asking again gets the prefix it holds), so a
 * binding entity that crashed between allocating and journaling its registration gets the same
 * prefix on retry instead of leaking one.
 *
 * <p>A full home shard does not allocate elsewhere itself: it records which shard the holder should
 * try next (a spill marker) and tells the client to go there; a later retry from the same holder
 * is sent to the same spill shard, so even spilled allocations stay idempotent.
 */
public final class PrefixPoolEntity
        extends EventSourcedBehaviorWithEnforcedReplies<PrefixPoolEntity.Command, PrefixPoolEntity.Event,
        PrefixPoolEntity.State> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "PrefixPool");

    public sealed interface Command extends CborSerializable {
    }

    /** Sent to the holder's home shard. */
    public record Allocate(String holder, ActorRef<AllocationReply> replyTo) implements Command {
    }

    /** Sent to a spill shard the home shard pointed at; answers Allocated or Full. */
    public record AllocateHere(String holder, ActorRef<AllocationReply> replyTo) implements Command {
    }

    /** Tells the home shard that {@code fullShard} had no room; it points the holder further on. */
    public record SpillFailed(String holder, int fullShard, ActorRef<AllocationReply> replyTo) implements Command {
    }

    /** Frees {@code prefix} if {@code holder} holds it; a no-op otherwise, so it may be repeated. */
    public record Release(String holder, Ipv6Prefix prefix, ActorRef<Done> replyTo) implements Command {
    }

    /** Drops the holder's spill marker at its home shard once its spilled prefix is released. */
    public record ForgetSpill(String holder, ActorRef<Done> replyTo) implements Command {
    }

    public record GetUsage(ActorRef<Usage> replyTo) implements Command {
    }

    public sealed interface AllocationReply extends CborSerializable {
    }

    public record Allocated(String holder, Ipv6Prefix prefix) implements AllocationReply {
    }

    /** The home shard is full: try {@code shard} (with {@link AllocateHere}). */
    public record TryShard(int shard) implements AllocationReply {
    }

    public record Full(int shard) implements AllocationReply {
    }

    /** Every shard of the pool is full: RFC 5213 INSUFFICIENT_RESOURCES. */
    public record Exhausted() implements AllocationReply {
    }

    public record Usage(String pool, int shard, long capacity, long allocated) implements CborSerializable {
    }

    public sealed interface Event extends CborSerializable {
    }

    public record PrefixAllocated(String holder, long offset, Ipv6Prefix prefix) implements Event {
    }

    public record PrefixReleased(String holder, long offset, Ipv6Prefix prefix) implements Event {
    }

    public record SpillPointed(String holder, int shard) implements Event {
    }

    public record SpillForgotten(String holder) implements Event {
    }

    /**
     * @param nextFresh offsets below it have been handed out at least once; fresh ones are preferred
     *                  so a released prefix rests before it is reused
     * @param held      holder to offset
     * @param released  offsets handed out before and free again
     * @param spills    holder to the shard it was pointed at while this (home) shard was full
     */
    public record State(long nextFresh, Map<String, Long> held, TreeSet<Long> released, Map<String, Integer> spills)
            implements CborSerializable {
        static final State EMPTY = new State(0, Map.of(), new TreeSet<>(), Map.of());

        Optional<Long> freeOffset(long size) {
            if (nextFresh < size) {
                return Optional.of(nextFresh);
            }
            return released.isEmpty() ? Optional.empty() : Optional.of(released.first());
        }
    }

    /**
     * Starts sharding for the pool shards of every pool in {@code poolsConfig} ({@code
     * pmip.lma.prefix-pools}) and returns clients reaching them through entity refs.
     */
    public static PrefixPools init(ActorSystem<?> system, Config poolsConfig, int snapshotEvery, Duration timeout,
                                   BackoffSupervisorStrategy onPersistFailure) {
        Map<String, PoolLayout> layouts = new HashMap<>();
        for (String name : poolsConfig.root().keySet()) {
            layouts.put(name, PoolLayout.fromConfig(name, poolsConfig.getConfig(name)));
        }
        ClusterSharding sharding = ClusterSharding.get(system);
        sharding.init(Entity.of(TYPE_KEY, ctx -> {
            String id = ctx.getEntityId();
            int bar = id.lastIndexOf(':');
            PoolLayout layout = layouts.get(id.substring(0, bar));
            int shard = Integer.parseInt(id.substring(bar + 1));
            return create(persistenceId(layout, shard), layout, shard, snapshotEvery, onPersistFailure);
        }));
        Map<String, PrefixPoolClient> clients = new HashMap<>();
        layouts.forEach((name, layout) -> clients.put(name, new PrefixPoolClient(layout,
                shard -> sharding.entityRefFor(TYPE_KEY, layout.entityId(shard)), system.scheduler(), timeout)));
        return new PrefixPools(clients);
    }

    private final PoolLayout layout;
    private final int shard;
    private final int snapshotEvery;

    /** {@code onPersistFailure}: how the shard restarts after a failed journal write (instead of stopping). */
    public static Behavior<Command> create(PersistenceId persistenceId, PoolLayout layout, int shard,
                                           int snapshotEvery, BackoffSupervisorStrategy onPersistFailure) {
        return new PrefixPoolEntity(persistenceId, layout, shard, snapshotEvery, onPersistFailure);
    }

    public static PersistenceId persistenceId(PoolLayout layout, int shard) {
        return PersistenceId.of(TYPE_KEY.name(), layout.entityId(shard));
    }

    private PrefixPoolEntity(PersistenceId persistenceId, PoolLayout layout, int shard, int snapshotEvery,
                             BackoffSupervisorStrategy onPersistFailure) {
        super(persistenceId, onPersistFailure);
        this.layout = layout;
        this.shard = shard;
        this.snapshotEvery = snapshotEvery;
    }

    @Override
    public State emptyState() {
        return State.EMPTY;
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(snapshotEvery, 2);
    }

    @Override
    public CommandHandlerWithReply<Command, Event, State> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(Allocate.class, this::onAllocate)
                .onCommand(AllocateHere.class, this::onAllocateHere)
                .onCommand(SpillFailed.class, this::onSpillFailed)
                .onCommand(Release.class, this::onRelease)
                .onCommand(ForgetSpill.class, (state, cmd) -> state.spills().containsKey(cmd.holder())
                        ? Effect().persist(new SpillForgotten(cmd.holder())).thenReply(cmd.replyTo(), s -> Done.done())
                        : Effect().reply(cmd.replyTo(), Done.done()))
                .onCommand(GetUsage.class, (state, cmd) -> Effect().reply(cmd.replyTo(),
                        new Usage(layout.name(), shard, layout.range(shard).size(), state.held().size())))
                .build();
    }

    private ReplyEffect<Event, State> onAllocate(State state, Allocate cmd) {
        Long held = state.held().get(cmd.holder());
        if (held != null) {
            return Effect().reply(cmd.replyTo(), new Allocated(cmd.holder(), layout.prefixAt(shard, held)));
        }
        Integer spill = state.spills().get(cmd.holder());
        if (spill != null) {
            return Effect().reply(cmd.replyTo(), new TryShard(spill));
        }
        Optional<Long> free = state.freeOffset(layout.range(shard).size());
        if (free.isPresent()) {
            return allocate(cmd.holder(), free.get(), cmd.replyTo());
        }
        return pointOnward(state, cmd.holder(), shard, cmd.replyTo());
    }

    private ReplyEffect<Event, State> onAllocateHere(State state, AllocateHere cmd) {
        Long held = state.held().get(cmd.holder());
        if (held != null) {
            return Effect().reply(cmd.replyTo(), new Allocated(cmd.holder(), layout.prefixAt(shard, held)));
        }
        Optional<Long> free = state.freeOffset(layout.range(shard).size());
        return free.isPresent()
                ? allocate(cmd.holder(), free.get(), cmd.replyTo())
                : Effect().reply(cmd.replyTo(), new Full(shard));
    }

    private ReplyEffect<Event, State> onSpillFailed(State state, SpillFailed cmd) {
        Integer pointed = state.spills().get(cmd.holder());
        if (pointed != null && pointed != cmd.fullShard()) {
            // A stale report from an earlier attempt: the marker already moved on.
            return Effect().reply(cmd.replyTo(), new TryShard(pointed));
        }
        return pointOnward(state, cmd.holder(), cmd.fullShard(), cmd.replyTo());
    }

    private ReplyEffect<Event, State> pointOnward(State state, String holder, int fullShard,
                                                  ActorRef<AllocationReply> replyTo) {
        int next = (fullShard + 1) % layout.shardCount();
        if (next == shard) {
            // Went all the way round: every shard is full.
            return state.spills().containsKey(holder)
                    ? Effect().persist(new SpillForgotten(holder)).thenReply(replyTo, s -> new Exhausted())
                    : Effect().reply(replyTo, new Exhausted());
        }
        return Effect().persist(new SpillPointed(holder, next)).thenReply(replyTo, s -> new TryShard(next));
    }

    private ReplyEffect<Event, State> allocate(String holder, long offset, ActorRef<AllocationReply> replyTo) {
        Ipv6Prefix prefix = layout.prefixAt(shard, offset);
        return Effect().persist(new PrefixAllocated(holder, offset, prefix))
                .thenReply(replyTo, s -> new Allocated(holder, prefix));
    }

    private ReplyEffect<Event, State> onRelease(State state, Release cmd) {
        Long held = state.held().get(cmd.holder());
        if (held == null || !layout.prefixAt(shard, held).equals(cmd.prefix())) {
            return Effect().reply(cmd.replyTo(), Done.done());
        }
        return Effect().persist(new PrefixReleased(cmd.holder(), held, cmd.prefix()))
                .thenReply(cmd.replyTo(), s -> Done.done());
    }

    @Override
    public EventHandler<State, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState()
                .onEvent(PrefixAllocated.class, (s, e) -> {
                    Map<String, Long> held = new HashMap<>(s.held());
                    held.put(e.holder(), e.offset());
                    // Copied only when changed: most allocations take a fresh offset and had no spill marker.
                    TreeSet<Long> released = s.released();
                    if (released.contains(e.offset())) {
                        released = new TreeSet<>(released);
                        released.remove(e.offset());
                    }
                    Map<String, Integer> spills = s.spills();
                    if (spills.containsKey(e.holder())) {
                        spills = new HashMap<>(spills);
                        spills.remove(e.holder());
                    }
                    return new State(Math.max(s.nextFresh(), e.offset() + 1), held, released, spills);
                })
                .onEvent(PrefixReleased.class, (s, e) -> {
                    Map<String, Long> held = new HashMap<>(s.held());
                    held.remove(e.holder());
                    TreeSet<Long> released = new TreeSet<>(s.released());
                    released.add(e.offset());
                    return new State(s.nextFresh(), held, released, s.spills());
                })
                .onEvent(SpillPointed.class, (s, e) -> {
                    Map<String, Integer> spills = new HashMap<>(s.spills());
                    spills.put(e.holder(), e.shard());
                    return new State(s.nextFresh(), s.held(), s.released(), spills);
                })
                .onEvent(SpillForgotten.class, (s, e) -> {
                    Map<String, Integer> spills = new HashMap<>(s.spills());
                    spills.remove(e.holder());
                    return new State(s.nextFresh(), s.held(), s.released(), spills);
                })
                .build();
    }
}
