package io.pmip.protocol.mh;

import io.pmip.protocol.mh.option.MobilityOption;
import java.util.List;
import java.util.Optional;

/**
 * One Mobility Header message (RFC 6275 section 6.1): its type-specific fields and its mobility
 * options. Padding (Pad1/PadN) is not part of the model: the decoder drops it and the encoder
 * inserts what alignment needs.
 *
 * <p>Unregistered status/trigger/reason values must survive a decode/encode round trip, so
 * records keep every such field as its raw wire code ({@code int ...Code}) and offer an accessor
 * returning the matching enum as {@code Optional} (empty for an unassigned value). Bits of a flag
 * field that this model does not name are kept in {@code otherFlags}; whole reserved fields are
 * not modelled (sent as zero, checked by the decoder).
 */
public sealed interface MobilityMessage
        permits BindingRefreshRequest, ProxyBindingUpdate, ProxyBindingAcknowledgement, BindingError,
        Heartbeat, BindingRevocationIndication, BindingRevocationAcknowledgement,
        LocalizedRoutingInitiation, LocalizedRoutingAcknowledgement, UpdateNotification,
        UpdateNotificationAcknowledgement, UnknownMessage {

    /** The MH Type value (IANA "Mobility Header Types" registry). */
    int mhType();

    /** Mobility options in wire order, without padding; unmodifiable. */
    List<MobilityOption> options();

    /** The first option of the given class, if any. */
    default <T extends MobilityOption> Optional<T> option(Class<T> type) {
        for (MobilityOption o : options()) {
            if (type.isInstance(o)) {
                return Optional.of(type.cast(o));
            }
        }
        return Optional.empty();
    }

    /**
     * All options of the given class, in wire order. A plain loop: the LMA asks this several times
     * per PBU, and a stream here was its largest single cost (docs/benchmarks.md, pmip sim).
     */
    default <T extends MobilityOption> List<T> optionsOf(Class<T> type) {
        List<T> found = null;
        for (MobilityOption o : options()) {
            if (type.isInstance(o)) {
                if (found == null) {
                    found = new java.util.ArrayList<>(2);
                }
                found.add(type.cast(o));
            }
        }
        return found == null ? List.of() : java.util.Collections.unmodifiableList(found);
    }
}
