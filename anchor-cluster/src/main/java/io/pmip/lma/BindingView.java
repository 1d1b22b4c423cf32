package io.pmip.lma;

import io.pmip.persistence.CborSerializable;
import java.util.List;

/** A mobile node's binding cache as seen by queries: its mobility sessions. */
public record BindingView(String mnId, List<MobilitySession> sessions) implements CborSerializable {
    public BindingView {
        sessions = List.copyOf(sessions);
    }
}
