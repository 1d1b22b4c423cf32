package io.pmip.lma.history;

import io.pmip.lma.Addresses;
import io.pmip.lma.BindingEvent;
import io.pmip.lma.BindingState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Questions answered from the binding journal: a mobile node's timeline and state at an instant,
 * what happened at one MAG, and a whole-journal invariant check. Runs its streams on the given
 * actor system; needs no cluster. Used by {@code pmip replay} and the admin API.
 */
public final class BindingHistory {
    /** Persistence ids read at once during a whole-journal check; the checking itself is sequential. */
    private static final int PARALLEL_READS = 4;
    /**
     * Persistence ids read at once while looking for a MAG's events: each read is a small query, so
     * more in flight keeps Cassandra busy instead of waiting on round trips.
     */
    static final int MAG_SCAN_PARALLEL_READS = 32;

    private final BindingJournal journal;
    private final ActorSystem<?> system;

    public BindingHistory(BindingJournal journal, ActorSystem<?> system) {
        this.journal = journal;
        this.system = system;
    }

    /** Over the Cassandra journal of {@code system}'s configuration. */
    public static BindingHistory cassandra(ActorSystem<?> system) {
        return new BindingHistory(BindingJournal.cassandra(system), system);
    }

    /** Over the read journal configured at {@code pluginId} (see {@link BindingJournal#forPlugin}). */
    public static BindingHistory forPlugin(ActorSystem<?> system, String pluginId) {
        return new BindingHistory(BindingJournal.forPlugin(system, pluginId), system);
    }

    /** Every journaled record of {@code mnId}, in sequence-number order. */
    public CompletionStage<List<JournalRecord>> records(String mnId) {
        return journal.events(BindingJournal.persistenceId(mnId)).runWith(Sink.seq(), system);
    }

    /** The mobile node's events in journal order; empty for a node that never registered. */
    public CompletionStage<List<TimelineEntry>> timeline(String mnId) {
        return records(mnId).thenApply(rs -> rs.stream().map(TimelineEntry::of).toList());
    }

    /**
     * The node's binding cache as it was at {@code at}, rebuilt by replaying its events with the
     * entity's event handler; {@link BindingState#EMPTY} before its first registration.
     */
    public CompletionStage<BindingState> stateAt(String mnId, Instant at) {
        return records(mnId).thenApply(rs -> Replay.stateAt(rs, at));
    }

    /**
     * Every event that involved the MAG {@code magAddress} (as serving MAG, or as the MAG a handoff
     * left) decided in [{@code from}, {@code to}], ordered by time. Events carry no tags (they cost
     * a registration too much, see persistence.conf), so this reads every binding's events: a scan
     * of the journal, {@link #MAG_SCAN_PARALLEL_READS} bindings at a time.
     */
    public CompletionStage<List<TimelineEntry>> eventsForMag(String magAddress, Instant from, Instant to) {
        String mag = canonical(magAddress);
        Predicate<BindingEvent> involves = e -> canonical(e.servingMag()).equals(mag)
                || (e instanceof BindingEvent.HandedOff h && canonical(h.previousMag()).equals(mag));
        return journal.persistenceIds()
                .mapAsyncUnordered(MAG_SCAN_PARALLEL_READS, id -> journal.events(id)
                        .filter(r -> !r.event().at().isBefore(from) && !r.event().at().isAfter(to)
                                && involves.test(r.event()))
                        .runWith(Sink.seq(), system))
                .mapConcat(records -> records)
                .runWith(Sink.seq(), system)
                .thenApply(rs -> rs.stream()
                        .sorted(Comparator.comparing((JournalRecord r) -> r.event().at())
                                .thenComparing(JournalRecord::persistenceId)
                                .thenComparingLong(JournalRecord::sequenceNr))
                        .map(TimelineEntry::of)
                        .toList());
    }

    /**
     * Replays every binding entity's events through an {@link InvariantChecker}; {@code progress}
     * is told after each persistence id.
     */
    public CompletionStage<InvariantReport> checkAll(ReplayProgress progress) {
        InvariantChecker checker = new InvariantChecker();
        AtomicLong ids = new AtomicLong();
        AtomicLong events = new AtomicLong();
        return journal.persistenceIds()
                .mapAsync(PARALLEL_READS, id -> journal.events(id).runWith(Sink.seq(), system))
                .runForeach(records -> {
                    records.forEach(checker::accept);
                    progress.replayed(ids.incrementAndGet(), events.addAndGet(records.size()));
                }, system)
                .thenApply(done -> checker.report());
    }

    /** MAG addresses compare in canonical form; text that is not an address compares as it is. */
    private static String canonical(String address) {
        try {
            return Addresses.canonical(address);
        } catch (IllegalArgumentException e) {
            return address;
        }
    }
}
