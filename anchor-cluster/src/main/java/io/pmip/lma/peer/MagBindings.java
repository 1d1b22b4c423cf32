package io.pmip.lma.peer;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Which mobile nodes have a session at a MAG, over the whole cluster (io.pmip.lma.index.BindingDirectory). */
@FunctionalInterface
public interface MagBindings {
    /** The mobile nodes with a session served by {@code mag}; fails unless every node could be asked. */
    CompletionStage<List<String>> mobileNodesAt(String mag);
}
