package io.pmip.lma.redirect;

import io.pmip.protocol.mh.option.LoadInformation;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Chooses by the nodes' RFC 6463 Load Information: full nodes (Sessions in Use or Used Capacity at
 * a configured maximum) are no targets; of the rest the best Priority (lowest value) wins, then the
 * lowest utilization (the larger of sessions and capacity used over their maximum), then the lower
 * node address, so every node picks alike from the same view. None left: serve it here.
 */
public record LoadInformationPolicy() implements RedirectPolicy {

    static boolean full(LoadInformation info) {
        return reached(info.sessionsInUse(), info.maximumSessions()) || reached(info.usedCapacity(), info.maximumCapacity());
    }

    static double utilization(LoadInformation info) {
        return Math.max(ratio(info.sessionsInUse(), info.maximumSessions()),
                ratio(info.usedCapacity(), info.maximumCapacity()));
    }

    private static boolean reached(long used, long maximum) {
        return maximum > 0 && used >= maximum;
    }

    private static double ratio(long used, long maximum) {
        return maximum > 0 ? (double) used / maximum : 0;
    }

    @Override
    public Optional<NodeLoad> choose(String mag, Collection<NodeLoad> candidates) {
        return candidates.stream()
                .filter(n -> !full(n.loadInformation()))
                .min(Comparator.<NodeLoad>comparingInt(n -> n.capacity().priority())
                        .thenComparingDouble(n -> utilization(n.loadInformation()))
                        .thenComparing(NodeLoad::node));
    }
}
