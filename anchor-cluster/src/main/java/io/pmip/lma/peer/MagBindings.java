package io.pmip.lma.peer;

import java.util.List;
import java.util.Optional;

/** Which mobile nodes have a session at a MAG, from the read side (io.pmip.lma.admin.BindingIndex). */
@FunctionalInterface
public interface MagBindings {
    /** Empty when this node has no read side to ask. */
    MagBindings NONE = mag -> Optional.empty();

    /** The mobile nodes with a session served by {@code mag}; empty when this node cannot tell. */
    Optional<List<String>> mobileNodesAt(String mag);
}
