package io.pmip.lma.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.apache.pekko.persistence.SelectedSnapshot;
import org.apache.pekko.persistence.SnapshotMetadata;
import org.apache.pekko.persistence.SnapshotSelectionCriteria;
import org.apache.pekko.persistence.snapshot.japi.SnapshotStore;
import scala.concurrent.Future$;

/**
 * Snapshots in this JVM's memory, the companion of Pekko's in-memory journal for
 * {@code journal = inmem}: both are lost together when the process stops, so a restarted node never
 * recovers a snapshot whose events are gone (a file snapshot store would).
 */
public final class InMemorySnapshotStore extends SnapshotStore {
    private final Map<String, List<SelectedSnapshot>> snapshots = new ConcurrentHashMap<>();

    @Override
    public scala.concurrent.Future<Optional<SelectedSnapshot>> doLoadAsync(String persistenceId,
            SnapshotSelectionCriteria criteria) {
        Optional<SelectedSnapshot> youngest = snapshots.getOrDefault(persistenceId, List.of()).stream()
                .filter(s -> matches(s.metadata(), criteria))
                .max(java.util.Comparator.comparingLong((SelectedSnapshot s) -> s.metadata().sequenceNr())
                        .thenComparingLong(s -> s.metadata().timestamp()));
        return Future$.MODULE$.successful(youngest);
    }

    @Override
    public scala.concurrent.Future<Void> doSaveAsync(SnapshotMetadata metadata, Object snapshot) {
        snapshots.compute(metadata.persistenceId(), (id, list) -> {
            List<SelectedSnapshot> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
            next.removeIf(s -> s.metadata().sequenceNr() == metadata.sequenceNr());
            next.add(SelectedSnapshot.create(metadata, snapshot));
            return List.copyOf(next);
        });
        return Future$.MODULE$.successful(null);
    }

    @Override
    public scala.concurrent.Future<Void> doDeleteAsync(SnapshotMetadata metadata) {
        snapshots.computeIfPresent(metadata.persistenceId(), (id, list) -> List.copyOf(list.stream()
                .filter(s -> s.metadata().sequenceNr() != metadata.sequenceNr()).toList()));
        return Future$.MODULE$.successful(null);
    }

    @Override
    public scala.concurrent.Future<Void> doDeleteAsync(String persistenceId, SnapshotSelectionCriteria criteria) {
        snapshots.computeIfPresent(persistenceId, (id, list) -> List.copyOf(list.stream()
                .filter(s -> !matches(s.metadata(), criteria)).toList()));
        return Future$.MODULE$.successful(null);
    }

    private static boolean matches(SnapshotMetadata m, SnapshotSelectionCriteria c) {
        return m.sequenceNr() <= c.maxSequenceNr() && m.timestamp() <= c.maxTimestamp()
                && m.sequenceNr() >= c.minSequenceNr() && m.timestamp() >= c.minTimestamp();
    }
}
