package io.pmip.lma.policy;

import java.util.List;
import java.util.Optional;

/**
 * The configured profiles, looked up by MN-Identifier: an exact profile wins over a pattern, patterns
 * are tried in configuration order, and the default profile (if any) covers the rest.
 */
public record MobileNodePolicy(List<MobileNodeProfile> profiles, Optional<MobileNodeProfile> defaultProfile) {

    public MobileNodePolicy {
        profiles = List.copyOf(profiles);
    }

    public Optional<MobileNodeProfile> profileFor(String mnId) {
        return profiles.stream().filter(p -> !p.isPattern() && p.matches(mnId)).findFirst()
                .or(() -> profiles.stream().filter(p -> p.isPattern() && p.matches(mnId)).findFirst())
                .or(() -> defaultProfile);
    }
}
