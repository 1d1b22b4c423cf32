package io.pmip.lma.redirect;

import java.util.Collection;
import java.util.Optional;

/**
 * Chooses the node a MAG is redirected to (RFC 6463 section 3: how the rfLMA picks the r2LMA is
 * left to the implementation). Candidates are the live, non-draining nodes with a unicast address
 * on the MAG's transport; empty means "serve it here, do not redirect".
 */
@FunctionalInterface
public interface RedirectPolicy {
    Optional<NodeLoad> choose(String mag, Collection<NodeLoad> candidates);

    /** By name, as in {@code pmip.lma.node.redirect.policy}. */
    static RedirectPolicy named(String name, double rateWeight) {
        return switch (name) {
            case "least-loaded" -> new LeastLoadedPolicy(rateWeight);
            case "load-information" -> new LoadInformationPolicy();
            default -> throw new IllegalArgumentException("pmip.lma.node.redirect.policy must be \"least-loaded\" or "
                    + "\"load-information\", got \"" + name + "\"");
        };
    }
}
