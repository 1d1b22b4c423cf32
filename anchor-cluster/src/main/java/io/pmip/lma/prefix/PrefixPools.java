package io.pmip.lma.prefix;

import java.util.Map;
import java.util.Optional;

/** The configured prefix pools by name ({@code pmip.lma.prefix-pools.<name>}). */
public record PrefixPools(Map<String, PrefixPoolClient> byName) {
    public PrefixPools {
        byName = Map.copyOf(byName);
    }

    public Optional<PrefixPoolClient> pool(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
