package io.pmip.lma.redirect;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The default policy: the node with the lowest {@code bindings + rateWeight * PBUs per second};
 * ties go to the lower node address, so every node picks alike from the same view.
 */
public record LeastLoadedPolicy(double rateWeight) implements RedirectPolicy {
    public LeastLoadedPolicy {
        if (!(rateWeight >= 0)) {
            throw new IllegalArgumentException("rateWeight must be >= 0: " + rateWeight);
        }
    }

    public double score(NodeLoad load) {
        return load.bindings() + rateWeight * load.pbusPerSecond();
    }

    @Override
    public Optional<NodeLoad> choose(String mag, Collection<NodeLoad> candidates) {
        return candidates.stream().min(Comparator.comparingDouble(this::score).thenComparing(NodeLoad::node));
    }
}
