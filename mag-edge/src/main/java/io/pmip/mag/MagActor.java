package io.pmip.mag;

import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.BindingRevocationAcknowledgement;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.RevocationStatus;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.mh.option.Redirect;
import io.pmip.protocol.mh.option.RestartCounter;
import io.pmip.protocol.mh.option.Timestamp;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * One Mobile Access Gateway (RFC 5213 section 6): its binding update list, registration,
 * retransmission with back-off, refresh, de-registration, bulk refresh (RFC 6602), heartbeat
 * (RFC 5847) and revocation (RFC 5846). Speaks to its LMA through a {@link MagNode}.
 *
 * <p>State is mutable but confined to this actor; entries are immutable records replaced on change.
 */
public final class MagActor extends AbstractBehavior<MagCommand> {

    /**
     * @param clock wall clock for the Timestamp option (RFC 5213 section 8.8) and event times;
     *        timers and latencies use the monotonic clock
     */
    public static Behavior<MagCommand> create(MagConfig config, MagNode node, MagEventListener listener, Clock clock) {
        return Behaviors.setup(context -> Behaviors.withTimers(
                timers -> new MagActor(context, timers, config, node.link(config, context.getSelf()), listener, clock)));
    }

    /** An outstanding per-mobile-node PBU and its retransmissions (RFC 5213 section 6.9.4). */
    private record Transaction(PbuKind kind, int transmissions, Duration timeout, long startedNanos,
            Set<Integer> sequences, int lastSequence, boolean timestampResynchronized) {
        static Transaction start(PbuKind kind, Duration timeout, long startedNanos, boolean resynchronized) {
            return new Transaction(kind, 0, timeout, startedNanos, Set.of(), -1, resynchronized);
        }

        Transaction sent(int sequence) {
            Set<Integer> all = new LinkedHashSet<>(sequences);
            all.add(sequence);
            return new Transaction(kind, transmissions + 1, timeout, startedNanos, Set.copyOf(all), sequence,
                    timestampResynchronized);
        }

        Transaction withTimeout(Duration next) {
            return new Transaction(kind, transmissions, next, startedNanos, sequences, lastSequence,
                    timestampResynchronized);
        }
    }

    /** An outstanding bulk PBU for a group (RFC 6602 section 4.2). */
    private record BulkTransaction(PbuKind kind, int transmissions, Duration timeout, long startedNanos,
            Set<Integer> sequences, int lastSequence, Set<String> members) {
        BulkTransaction sent(int sequence) {
            Set<Integer> all = new LinkedHashSet<>(sequences);
            all.add(sequence);
            return new BulkTransaction(kind, transmissions + 1, timeout, startedNanos, Set.copyOf(all), sequence,
                    members);
        }

        BulkTransaction withTimeout(Duration next) {
            return new BulkTransaction(kind, transmissions, next, startedNanos, sequences, lastSequence, members);
        }
    }

    private record RetransmitKey(String mobileNodeIdentifier) {
    }

    private record RefreshKey(String mobileNodeIdentifier) {
    }

    private record BulkRetransmitKey(long groupIdentifier) {
    }

    private record GroupRefreshKey(long groupIdentifier) {
    }

    private enum TimerKey {
        HEARTBEAT,
        RE_ESTABLISH
    }

    private final TimerScheduler<MagCommand> timers;
    private final MagConfig config;
    private final MagNode.MagLink link;
    private final MagEventListener listener;
    private final Clock clock;

    private final Map<String, BindingUpdateListEntry> entries = new LinkedHashMap<>();
    private final Map<String, Transaction> pending = new HashMap<>();
    private final Map<Integer, String> sequenceOwners = new HashMap<>();
    private final Map<Long, Set<String>> groups = new HashMap<>();
    private final Map<Long, BulkTransaction> bulkPending = new HashMap<>();
    private final Map<Integer, Long> bulkSequenceOwners = new HashMap<>();
    private final Map<Long, Long> groupRefreshDueNanos = new HashMap<>();
    private final Set<Long> refusedGroups = new LinkedHashSet<>();
    // Insertion-ordered set: O(1) membership and removal for large binding update lists.
    private final Set<String> reEstablishQueue = new LinkedHashSet<>();
    private long currentGroup;
    private Duration clockOffset = Duration.ZERO;
    private HeartbeatPath path = HeartbeatPath.initial();
    /** The LMA a Redirect named (RFC 6463 r2LMA); null while this MAG signals to the configured address. */
    private InetAddress assignedLma;

    private MagActor(ActorContext<MagCommand> context, TimerScheduler<MagCommand> timers, MagConfig config,
            MagNode.MagLink link, MagEventListener listener, Clock clock) {
        super(context);
        this.timers = timers;
        this.config = config;
        this.link = link;
        this.listener = listener;
        this.clock = clock;
        this.currentGroup = config.bulk().firstGroupIdentifier();
        if (config.heartbeat().enabled()) {
            timers.startTimerWithFixedDelay(TimerKey.HEARTBEAT, MagCommand.HeartbeatTick.INSTANCE,
                    config.heartbeat().interval());
            onHeartbeatTick();
        }
    }

    @Override
    public Receive<MagCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(MagCommand.Attach.class, this::onAttach)
                .onMessage(MagCommand.Detach.class, this::onDetach)
                .onMessage(MagCommand.DetachGroup.class, this::onDetachGroup)
                .onMessage(MagCommand.GetBindingUpdateList.class, this::onGetBindingUpdateList)
                .onMessage(MagCommand.GetPathState.class, this::onGetPathState)
                .onMessage(MagCommand.PbaReceived.class, this::onPba)
                .onMessage(MagCommand.HeartbeatReceived.class, this::onHeartbeat)
                .onMessage(MagCommand.RevocationReceived.class, this::onRevocation)
                .onMessage(MagCommand.BindackTimeout.class, this::onBindackTimeout)
                .onMessage(MagCommand.BulkBindackTimeout.class, this::onBulkBindackTimeout)
                .onMessage(MagCommand.RefreshDue.class, this::onRefreshDue)
                .onMessage(MagCommand.GroupRefreshDue.class, this::onGroupRefreshDue)
                .onMessageEquals(MagCommand.HeartbeatTick.INSTANCE, () -> {
                    onHeartbeatTick();
                    return this;
                })
                .onMessageEquals(MagCommand.ReEstablishNext.INSTANCE, this::onReEstablishNext)
                .onSignal(PostStop.class, signal -> {
                    link.close();
                    return this;
                })
                .build();
    }

    // ---- attachment source -------------------------------------------------------------------

    private Behavior<MagCommand> onAttach(MagCommand.Attach attach) {
        String mnId = attach.mobileNodeIdentifier();
        BindingUpdateListEntry existing = entries.get(mnId);
        if (existing != null) {
            if (existing.state() != BindingState.DEREGISTERING && !attach.isHandoff()) {
                getContext().getLog().debug("{} is already in the binding update list; attach ignored", mnId);
                return this;
            }
            // Back before its de-registration finished, or back by handoff while this MAG still had
            // it (no revocation came): the new registration supersedes whatever was outstanding.
            removeEntry(mnId);
        }
        OptionalLong group = config.bulk().enabled() ? OptionalLong.of(assignGroup(mnId)) : OptionalLong.empty();
        entries.put(mnId, BindingUpdateListEntry.fresh(mnId, attach.linkLayerIdentifier(), attach.accessTechnology(),
                attach.handoffFrom(), currentLma(), group));
        link.bindMobileNode(mnId);
        PbuKind kind = attach.isHandoff() ? PbuKind.HANDOFF : PbuKind.INITIAL;
        start(mnId, Transaction.start(kind, config.initialBindackTimeoutFirstReg(), System.nanoTime(), false));
        return this;
    }

    private Behavior<MagCommand> onDetach(MagCommand.Detach detach) {
        String mnId = detach.mobileNodeIdentifier();
        BindingUpdateListEntry entry = entries.get(mnId);
        if (entry == null || entry.state() == BindingState.DEREGISTERING) {
            return this;
        }
        abandon(mnId);
        leaveGroup(mnId, entry);
        timers.cancel(new RefreshKey(mnId));
        entries.put(mnId, entries.get(mnId).inState(BindingState.DEREGISTERING));
        start(mnId, Transaction.start(PbuKind.DEREGISTRATION, config.initialBindackTimeoutReReg(), System.nanoTime(),
                false));
        return this;
    }

    private Behavior<MagCommand> onDetachGroup(MagCommand.DetachGroup detach) {
        long group = detach.groupIdentifier();
        Set<String> members = new LinkedHashSet<>();
        for (String mnId : groups.getOrDefault(group, Set.of())) {
            BindingUpdateListEntry entry = entries.get(mnId);
            if (entry != null && entry.state() == BindingState.REGISTERED && entry.refreshedInBulk()) {
                abandon(mnId);
                timers.cancel(new RefreshKey(mnId));
                entries.put(mnId, entry.inState(BindingState.DEREGISTERING));
                members.add(mnId);
            }
        }
        if (members.isEmpty()) {
            return this;
        }
        abandonBulk(group);
        timers.cancel(new GroupRefreshKey(group));
        groupRefreshDueNanos.remove(group);
        startBulk(group, PbuKind.BULK_DEREGISTRATION, members);
        return this;
    }

    private Behavior<MagCommand> onGetBindingUpdateList(MagCommand.GetBindingUpdateList query) {
        query.replyTo().tell(Map.copyOf(entries));
        return this;
    }

    private Behavior<MagCommand> onGetPathState(MagCommand.GetPathState query) {
        query.replyTo().tell(path.state());
        return this;
    }

    // ---- per-mobile-node PBUs ----------------------------------------------------------------

    private void start(String mnId, Transaction transaction) {
        transmit(mnId, transaction, false);
    }

    private void transmit(String mnId, Transaction transaction, boolean retransmission) {
        BindingUpdateListEntry entry = entries.get(mnId);
        int sequence = link.nextSequence();
        Timestamp timestamp = timestampNow();
        int lifetime = transaction.kind().isDeregistration() ? 0 : config.requestedLifetimeUnits();
        // RFC 6463 section 4.1: Redirect-Capability goes only in an initial PBU to the configured (anycast) LMA.
        boolean offerRedirect = config.redirectCapable() && assignedLma == null && transaction.kind().isInitial();
        ProxyBindingUpdate pbu = ProxyBindingUpdates.perMobileNode(sequence, lifetime, transaction.kind(), entry,
                timestamp, offerRedirect);
        if (!send(pbu)) {
            // The retransmission timer below covers a refused send like a lost one.
            getContext().getLog().warn("transport refused the PBU for {}", mnId);
        }
        Transaction sent = transaction.sent(sequence);
        pending.put(mnId, sent);
        sequenceOwners.put(sequence, mnId);
        entries.put(mnId, entry.sent(sequence, timestamp, clock.instant(), sent.transmissions() - 1)
                .withLmaAddress(currentLma()));
        timers.startSingleTimer(new RetransmitKey(mnId), new MagCommand.BindackTimeout(mnId, sequence),
                sent.timeout());
        emit(new MagEvent.PbuSent(mnId, transaction.kind(), sequence, retransmission, clock.instant()));
    }

    private Behavior<MagCommand> onBindackTimeout(MagCommand.BindackTimeout timeout) {
        String mnId = timeout.mobileNodeIdentifier();
        Transaction transaction = pending.get(mnId);
        if (transaction == null || transaction.lastSequence() != timeout.sequence()) {
            return this;
        }
        // RFC 5213 section 6.9.4 / RFC 6275 section 11.8: double the timeout until MaxBindackTimeout.
        if (transaction.timeout().compareTo(config.maxBindackTimeout()) >= 0 && assignedLma != null) {
            // The assigned LMA stopped answering: back to the anycast address, which any node answers.
            fallBack("retransmissions exhausted");
            abandon(mnId);
            start(mnId, Transaction.start(transaction.kind(), firstTimeout(transaction.kind()), System.nanoTime(),
                    false));
            return this;
        }
        if (transaction.timeout().compareTo(config.maxBindackTimeout()) >= 0) {
            abandon(mnId);
            emit(new MagEvent.TimedOut(mnId, transaction.kind(), transaction.transmissions(), clock.instant()));
            if (keepForReEstablishment(transaction.kind())) {
                // The node is still attached here; it is registered again when the LMA answers (RFC 5847 section 3, restart detection).
                return this;
            }
            removeEntry(mnId);
            return this;
        }
        Duration next = min(transaction.timeout().multipliedBy(2), config.maxBindackTimeout());
        emit(new MagEvent.Retransmitted(mnId, transaction.kind(), transaction.transmissions(), next, clock.instant()));
        transmit(mnId, transaction.withTimeout(next), true);
        return this;
    }

    /** An established binding whose refresh went unanswered while heartbeats say the LMA is DOWN. */
    private boolean keepForReEstablishment(PbuKind kind) {
        return path.state() == PathState.DOWN && (kind == PbuKind.REFRESH || kind == PbuKind.REESTABLISH);
    }

    private Behavior<MagCommand> onRefreshDue(MagCommand.RefreshDue due) {
        String mnId = due.mobileNodeIdentifier();
        BindingUpdateListEntry entry = entries.get(mnId);
        if (entry != null && entry.state() == BindingState.REGISTERED && !pending.containsKey(mnId)) {
            start(mnId, Transaction.start(PbuKind.REFRESH, config.initialBindackTimeoutReReg(), System.nanoTime(),
                    false));
        }
        return this;
    }

    private Behavior<MagCommand> onPba(MagCommand.PbaReceived received) {
        ProxyBindingAcknowledgement pba = received.pba();
        String mnId = sequenceOwners.get(pba.sequence());
        if (mnId != null) {
            Optional<String> named = pba.option(MobileNodeIdentifier.class).flatMap(MobileNodeIdentifier::naiText);
            if (named.isEmpty() || named.get().equals(mnId)) {
                onMobileNodePba(mnId, pba, received.receivedNanos());
            }
            return this;
        }
        Long group = bulkSequenceOwners.get(pba.sequence());
        if (group != null && !pba.option(MobileNodeIdentifier.class).isPresent()) {
            onBulkPba(group, pba, received.receivedNanos());
        }
        // Otherwise a late answer to a transaction already finished, or another MAG's: ignored.
        return this;
    }

    private void onMobileNodePba(String mnId, ProxyBindingAcknowledgement pba, long receivedNanos) {
        Transaction transaction = pending.get(mnId);
        abandon(mnId);
        if (followRedirect(mnId, pba) && !pba.isAccepted()) {
            // Refused by the anycast LMA but told where to go: the same registration, to the r2LMA.
            start(mnId, Transaction.start(transaction.kind(), firstTimeout(transaction.kind()),
                    transaction.startedNanos(), false));
            return;
        }
        Duration latency = Duration.ofNanos(receivedNanos - transaction.startedNanos());
        PbuKind kind = transaction.kind();
        emit(new MagEvent.PbaReceived(mnId, kind, pba.statusCode(), latency, clock.instant()));
        BindingUpdateListEntry entry = entries.get(mnId);
        if (kind.isDeregistration()) {
            // RFC 5213 section 6.9.1.3: the entry goes whatever the status.
            removeEntry(mnId);
            emit(new MagEvent.Deregistered(mnId, pba.statusCode(), clock.instant()));
        } else if (pba.isAccepted() && pba.lifetime() > 0) {
            List<Ipv6Prefix> assigned = pba.optionsOf(HomeNetworkPrefixOption.class).stream()
                    .map(HomeNetworkPrefixOption::prefix).filter(p -> !p.isUnspecified()).toList();
            List<Ipv6Prefix> prefixes = assigned.isEmpty() ? entry.homeNetworkPrefixes() : assigned;
            // RFC 6602 section 4.1: the LMA echoes the group when it accepts the membership.
            boolean confirmed = entry.bulkGroup().isPresent()
                    && !refusedGroups.contains(entry.bulkGroup().getAsLong())
                    && pba.optionsOf(MobileNodeGroupIdentifier.class).stream()
                            .anyMatch(g -> g.groupIdentifier() == entry.bulkGroup().getAsLong());
            Duration lifetime = Duration.ofSeconds(pba.lifetimeSeconds());
            BindingUpdateListEntry registered = entry.registered(prefixes, lifetime, confirmed);
            entries.put(mnId, registered);
            scheduleRefresh(registered);
            emit(new MagEvent.Registered(mnId, kind, prefixes, lifetime, clock.instant()));
            if (kind == PbuKind.HANDOFF) {
                emit(new MagEvent.HandoffCompleted(mnId, latency, clock.instant()));
            }
        } else if (pba.statusCode() == BindingAckStatus.TIMESTAMP_MISMATCH.code()
                && !transaction.timestampResynchronized()) {
            resynchronize(mnId, pba, transaction);
        } else if (pba.statusCode() == BindingAckStatus.INSUFFICIENT_RESOURCES.code()
                && transaction.timeout().compareTo(config.maxBindackTimeout()) < 0) {
            backOff(mnId, transaction);
        } else {
            removeEntry(mnId);
            emit(new MagEvent.Rejected(mnId, kind, pba.statusCode(), clock.instant()));
        }
    }

    /**
     * 130 (insufficient resources): the LMA is overloaded, not refusing this mobile node, so the PBU
     * is sent again after the wait a lost PBA would have cost (RFC 5213 section 6.9.4 back-off: the
     * timer then doubles the timeout), and given up like an unanswered one at MaxBindackTimeout.
     */
    private void backOff(String mnId, Transaction transaction) {
        pending.put(mnId, transaction);
        timers.startSingleTimer(new RetransmitKey(mnId), new MagCommand.BindackTimeout(mnId, transaction.lastSequence()),
                transaction.timeout());
    }

    /**
     * TIMESTAMP_MISMATCH (RFC 5213 sections 5.5 and 6.9): the PBA's Timestamp carries the LMA's
     * current time when present, so the MAG corrects its clock offset by it and retries once.
     */
    private void resynchronize(String mnId, ProxyBindingAcknowledgement pba, Transaction transaction) {
        pba.option(Timestamp.class).ifPresent(lmaTime ->
                clockOffset = Duration.between(clock.instant(), lmaTime.toInstant()));
        emit(new MagEvent.TimestampResynchronized(mnId, clockOffset, clock.instant()));
        start(mnId, Transaction.start(transaction.kind(), firstTimeout(transaction.kind()), transaction.startedNanos(),
                true));
    }

    private Duration firstTimeout(PbuKind kind) {
        return kind.isInitial() ? config.initialBindackTimeoutFirstReg() : config.initialBindackTimeoutReReg();
    }

    // ---- runtime LMA assignment (RFC 6463) ---------------------------------------------------

    /**
     * RFC 6463 section 4.1: a PBA to a PBU with Redirect-Capability may name the LMA this MAG signals
     * to from now on (K: IPv6 address, N: IPv4; the one of this MAG's transport is used). True when
     * the MAG now follows it.
     */
    private boolean followRedirect(String mnId, ProxyBindingAcknowledgement pba) {
        if (!config.redirectCapable() || assignedLma != null) {
            return false;
        }
        Optional<InetAddress> target = pba.option(Redirect.class).map(r -> config.lmaAddress() instanceof Inet6Address
                ? (InetAddress) r.ipv6Address() : r.ipv4Address());
        if (target.isEmpty() || target.get() == null || target.get().equals(config.lmaAddress())) {
            return false;
        }
        assignedLma = target.get();
        BindingUpdateListEntry entry = entries.get(mnId);
        if (entry != null) {
            entries.put(mnId, entry.withLmaAddress(assignedLma));
        }
        emit(new MagEvent.Redirected(mnId, config.lmaAddress(), assignedLma, clock.instant()));
        return true;
    }

    /** Forgets the assigned LMA: from now on this MAG signals to the configured (anycast) address. */
    private void fallBack(String reason) {
        InetAddress from = assignedLma;
        assignedLma = null;
        emit(new MagEvent.FellBack(from, config.lmaAddress(), reason, clock.instant()));
    }

    private InetAddress currentLma() {
        return assignedLma != null ? assignedLma : config.lmaAddress();
    }

    private boolean send(io.pmip.protocol.mh.MobilityMessage message) {
        return link.sendTo(message, currentLma(), config.lmaPort());
    }

    private void scheduleRefresh(BindingUpdateListEntry entry) {
        Duration due = fractionOf(entry.grantedLifetime());
        if (entry.refreshedInBulk()) {
            timers.cancel(new RefreshKey(entry.mobileNodeIdentifier()));
            scheduleGroupRefresh(entry.bulkGroup().getAsLong(), due);
        } else {
            timers.startSingleTimer(new RefreshKey(entry.mobileNodeIdentifier()),
                    new MagCommand.RefreshDue(entry.mobileNodeIdentifier()), due);
        }
    }

    // ---- bulk binding update groups (RFC 6602) -----------------------------------------------

    /** The MAG chooses the group (RFC 6602 section 4.1): fill one group, then open the next. */
    private long assignGroup(String mnId) {
        while (refusedGroups.contains(currentGroup)
                || groups.getOrDefault(currentGroup, Set.of()).size() >= config.bulk().groupSize()) {
            currentGroup = currentGroup == 0xffffffffL ? config.bulk().firstGroupIdentifier() : currentGroup + 1;
        }
        groups.computeIfAbsent(currentGroup, g -> new LinkedHashSet<>()).add(mnId);
        return currentGroup;
    }

    private void leaveGroup(String mnId, BindingUpdateListEntry entry) {
        entry.bulkGroup().ifPresent(g -> {
            Set<String> members = groups.get(g);
            if (members != null) {
                members.remove(mnId);
                if (members.isEmpty()) {
                    groups.remove(g);
                    timers.cancel(new GroupRefreshKey(g));
                    groupRefreshDueNanos.remove(g);
                }
            }
        });
    }

    /** The group's refresh comes at the earliest due time of its members. */
    private void scheduleGroupRefresh(long group, Duration due) {
        long dueNanos = System.nanoTime() + due.toNanos();
        Long existing = groupRefreshDueNanos.get(group);
        if (existing == null || dueNanos - existing < 0) {
            groupRefreshDueNanos.put(group, dueNanos);
            timers.startSingleTimer(new GroupRefreshKey(group), new MagCommand.GroupRefreshDue(group), due);
        }
    }

    private Behavior<MagCommand> onGroupRefreshDue(MagCommand.GroupRefreshDue due) {
        long group = due.groupIdentifier();
        groupRefreshDueNanos.remove(group);
        if (bulkPending.containsKey(group)) {
            return this;
        }
        Set<String> members = new LinkedHashSet<>();
        for (String mnId : groups.getOrDefault(group, Set.of())) {
            BindingUpdateListEntry entry = entries.get(mnId);
            if (entry != null && entry.state() == BindingState.REGISTERED && entry.refreshedInBulk()
                    && !pending.containsKey(mnId)) {
                members.add(mnId);
            }
        }
        if (!members.isEmpty()) {
            startBulk(group, PbuKind.BULK_REFRESH, members);
        }
        return this;
    }

    private void startBulk(long group, PbuKind kind, Set<String> members) {
        transmitBulk(group, new BulkTransaction(kind, 0, config.initialBindackTimeoutReReg(), System.nanoTime(),
                Set.of(), -1, Set.copyOf(members)), false);
    }

    private void transmitBulk(long group, BulkTransaction transaction, boolean retransmission) {
        int sequence = link.nextSequence();
        int lifetime = transaction.kind().isDeregistration() ? 0 : config.requestedLifetimeUnits();
        if (!send(ProxyBindingUpdates.bulk(sequence, lifetime, group, timestampNow()))) {
            getContext().getLog().warn("transport refused the bulk PBU for group {}", group);
        }
        BulkTransaction sent = transaction.sent(sequence);
        bulkPending.put(group, sent);
        bulkSequenceOwners.put(sequence, group);
        timers.startSingleTimer(new BulkRetransmitKey(group), new MagCommand.BulkBindackTimeout(group, sequence),
                sent.timeout());
        emit(new MagEvent.BulkPbuSent(group, transaction.kind(), sequence, transaction.members().size(),
                retransmission, clock.instant()));
    }

    private Behavior<MagCommand> onBulkBindackTimeout(MagCommand.BulkBindackTimeout timeout) {
        long group = timeout.groupIdentifier();
        BulkTransaction transaction = bulkPending.get(group);
        if (transaction == null || transaction.lastSequence() != timeout.sequence()) {
            return this;
        }
        if (transaction.timeout().compareTo(config.maxBindackTimeout()) < 0) {
            transmitBulk(group, transaction.withTimeout(min(transaction.timeout().multipliedBy(2),
                    config.maxBindackTimeout())), true);
            return this;
        }
        abandonBulk(group);
        if (transaction.kind().isDeregistration()) {
            for (String mnId : transaction.members()) {
                if (entries.containsKey(mnId)) {
                    removeEntry(mnId);
                    emit(new MagEvent.TimedOut(mnId, transaction.kind(), transaction.transmissions(), clock.instant()));
                }
            }
        } else {
            fallBackToPerMobileNode(group, -1);
        }
        return this;
    }

    private void onBulkPba(long group, ProxyBindingAcknowledgement pba, long receivedNanos) {
        BulkTransaction transaction = bulkPending.get(group);
        if (transaction == null) {
            return;
        }
        Optional<MobileNodeGroupIdentifier> named = pba.option(MobileNodeGroupIdentifier.class);
        if (named.isPresent() && named.get().groupIdentifier() != group) {
            return;
        }
        abandonBulk(group);
        Duration latency = Duration.ofNanos(receivedNanos - transaction.startedNanos());
        if (transaction.kind().isDeregistration()) {
            for (String mnId : transaction.members()) {
                if (entries.containsKey(mnId)) {
                    removeEntry(mnId);
                    emit(new MagEvent.Deregistered(mnId, pba.statusCode(), clock.instant()));
                }
            }
        } else if (pba.isAccepted() && pba.lifetime() > 0) {
            // RFC 6602 section 4.2: one acknowledgement extends every member's lifetime.
            Duration lifetime = Duration.ofSeconds(pba.lifetimeSeconds());
            int refreshed = 0;
            for (String mnId : transaction.members()) {
                BindingUpdateListEntry entry = entries.get(mnId);
                if (entry != null && entry.state() == BindingState.REGISTERED && entry.refreshedInBulk()) {
                    entries.put(mnId, entry.registered(entry.homeNetworkPrefixes(), lifetime, true));
                    refreshed++;
                }
            }
            groupRefreshDueNanos.remove(group);
            scheduleGroupRefresh(group, fractionOf(lifetime));
            emit(new MagEvent.BulkRefreshed(group, refreshed, lifetime, latency, clock.instant()));
        } else {
            fallBackToPerMobileNode(group, pba.statusCode());
        }
    }

    /**
     * The LMA refused the group (e.g. INVALID_MOBILE_NODE_GROUP_IDENTIFIER, 175) or never answered:
     * its members leave it and refresh one by one (RFC 6602 section 4.2).
     */
    private void fallBackToPerMobileNode(long group, int statusCode) {
        refusedGroups.add(group);
        timers.cancel(new GroupRefreshKey(group));
        groupRefreshDueNanos.remove(group);
        Set<String> members = groups.remove(group);
        emit(new MagEvent.BulkFallback(group, statusCode, clock.instant()));
        for (String mnId : members == null ? Set.<String>of() : members) {
            BindingUpdateListEntry entry = entries.get(mnId);
            if (entry == null) {
                continue;
            }
            entries.put(mnId, entry.withGroup(OptionalLong.empty(), false));
            if (entry.state() == BindingState.REGISTERED && !pending.containsKey(mnId)) {
                start(mnId, Transaction.start(PbuKind.REFRESH, config.initialBindackTimeoutReReg(),
                        System.nanoTime(), false));
            }
        }
    }

    // ---- heartbeat (RFC 5847) ----------------------------------------------------------------

    private void onHeartbeatTick() {
        HeartbeatPath before = path;
        long sequence = link.nextHeartbeatSequence();
        path = path.requestSent(sequence, config.heartbeat().missingHeartbeatsAllowed());
        if (before.state() != path.state()) {
            emit(new MagEvent.PathStateChanged(before.state(), path.state(), clock.instant()));
            if (path.state() == PathState.DOWN && assignedLma != null) {
                // RFC 5847 section 3 (failure detection) says the LMA is unreachable; the anycast address reaches another node.
                fallBack("heartbeat down");
            }
        }
        send(Heartbeat.request(sequence, List.of()));
    }

    private Behavior<MagCommand> onHeartbeat(MagCommand.HeartbeatReceived received) {
        Heartbeat heartbeat = received.heartbeat();
        if (!heartbeat.response()) {
            // RFC 5847 section 5.2: answer with the same sequence number and our Restart Counter.
            link.sendTo(Heartbeat.response(heartbeat.sequence(), false, List.of(new RestartCounter(config.restartCounter()))),
                    received.source(), received.sourcePort());
            return this;
        }
        if (!path.answers(heartbeat.sequence())) {
            return this;
        }
        OptionalLong counter = heartbeat.option(RestartCounter.class)
                .map(c -> OptionalLong.of(c.counter())).orElse(OptionalLong.empty());
        HeartbeatPath before = path;
        boolean restarted = path.restartedAccordingTo(counter);
        path = path.answered(counter);
        if (before.state() != PathState.UP) {
            emit(new MagEvent.PathStateChanged(before.state(), PathState.UP, clock.instant()));
        }
        if (restarted) {
            emit(new MagEvent.LmaRestarted(before.lmaRestartCounter().getAsLong(), counter.getAsLong(),
                    clock.instant()));
        }
        if (before.state() == PathState.DOWN || restarted) {
            reEstablishAll();
        }
        return this;
    }

    /** The LMA came back or restarted: register every binding again, paced (RFC 5847 section 3, restart detection). */
    private void reEstablishAll() {
        for (BindingUpdateListEntry entry : entries.values()) {
            if (entry.state() == BindingState.REGISTERED) {
                reEstablishQueue.add(entry.mobileNodeIdentifier());
            }
        }
        if (!reEstablishQueue.isEmpty() && !timers.isTimerActive(TimerKey.RE_ESTABLISH)) {
            long periodNanos = (long) (1_000_000_000L / config.reRegistrationsPerSecond());
            timers.startTimerWithFixedDelay(TimerKey.RE_ESTABLISH, MagCommand.ReEstablishNext.INSTANCE,
                    Duration.ofNanos(Math.max(1, periodNanos)));
            onReEstablishNext();
        }
    }

    private Behavior<MagCommand> onReEstablishNext() {
        while (!reEstablishQueue.isEmpty()) {
            String mnId = reEstablishQueue.iterator().next();
            reEstablishQueue.remove(mnId);
            BindingUpdateListEntry entry = entries.get(mnId);
            if (entry != null && entry.state() == BindingState.REGISTERED) {
                abandon(mnId);
                start(mnId, Transaction.start(PbuKind.REESTABLISH, config.initialBindackTimeoutReReg(),
                        System.nanoTime(), false));
                break;
            }
        }
        if (reEstablishQueue.isEmpty()) {
            timers.cancel(TimerKey.RE_ESTABLISH);
        }
        return this;
    }

    // ---- revocation (RFC 5846) ---------------------------------------------------------------

    private Behavior<MagCommand> onRevocation(MagCommand.RevocationReceived received) {
        BindingRevocationIndication bri = received.indication();
        Optional<MobileNodeGroupIdentifier> group = bri.option(MobileNodeGroupIdentifier.class);
        Optional<MobileNodeIdentifier> mnIdOption = bri.option(MobileNodeIdentifier.class);
        // RFC 5846 section 6.1: several MN-ID options revoke several bindings with one indication.
        List<String> named = bri.optionsOf(MobileNodeIdentifier.class).stream()
                .flatMap(o -> o.naiText().stream()).distinct().toList();
        List<String> revoked = new ArrayList<>();
        if (bri.global() || group.map(g -> g.groupIdentifier() == MobileNodeGroupIdentifier.ALL_SESSIONS).orElse(false)) {
            revoked.addAll(entries.keySet());
        } else if (group.isPresent()) {
            revoked.addAll(groups.getOrDefault(group.get().groupIdentifier(), Set.of()));
        } else {
            named.stream().filter(entries::containsKey).forEach(revoked::add);
        }
        for (String mnId : revoked) {
            removeEntry(mnId);
            emit(new MagEvent.Revoked(mnId, bri.revocationTriggerCode(), clock.instant()));
        }
        if (bri.global() && assignedLma != null && assignedLma.equals(received.source())) {
            // The assigned LMA revoked everything (e.g. it drains): new registrations go to the anycast address.
            fallBack("global revocation");
        }
        RevocationStatus status = revoked.isEmpty() && !bri.global() ? RevocationStatus.BINDING_DOES_NOT_EXIST
                : named.size() > 1 && revoked.size() < named.size() ? RevocationStatus.PARTIAL_SUCCESS
                : RevocationStatus.SUCCESS;
        // RFC 5846 section 6.2: same sequence number, P and G as in the indication, the MN-ID echoed;
        // a group-scoped indication (RFC 6602) gets its Mobile Node Group Identifier back instead.
        List<MobilityOption> options = mnIdOption.<MobilityOption>map(o -> o).or(() -> group)
                .<List<MobilityOption>>map(List::of).orElse(List.of());
        link.sendTo(BindingRevocationAcknowledgement.of(status, bri.sequence(), bri.proxyBinding(), bri.global(),
                options), received.source(), received.sourcePort());
        return this;
    }

    // ---- bookkeeping -------------------------------------------------------------------------

    /** Forgets the outstanding per-mobile-node PBU, if any: late PBAs for it are then ignored. */
    private void abandon(String mnId) {
        Transaction transaction = pending.remove(mnId);
        if (transaction != null) {
            transaction.sequences().forEach(sequenceOwners::remove);
        }
        timers.cancel(new RetransmitKey(mnId));
    }

    private void abandonBulk(long group) {
        BulkTransaction transaction = bulkPending.remove(group);
        if (transaction != null) {
            transaction.sequences().forEach(bulkSequenceOwners::remove);
        }
        timers.cancel(new BulkRetransmitKey(group));
    }

    private void removeEntry(String mnId) {
        abandon(mnId);
        timers.cancel(new RefreshKey(mnId));
        BindingUpdateListEntry entry = entries.remove(mnId);
        if (entry != null) {
            leaveGroup(mnId, entry);
        }
        reEstablishQueue.remove(mnId);
        link.unbindMobileNode(mnId);
    }

    private Timestamp timestampNow() {
        return Timestamp.of(clock.instant().plus(clockOffset));
    }

    private Duration fractionOf(Duration lifetime) {
        return Duration.ofNanos((long) (lifetime.toNanos() * config.refreshFraction()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void emit(MagEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            getContext().getLog().warn("event listener failed on {}", event, e);
        }
    }
}
