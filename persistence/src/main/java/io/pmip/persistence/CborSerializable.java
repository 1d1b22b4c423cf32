package io.pmip.persistence;

/**
 * Marker for every message, event and snapshot that crosses a node boundary or reaches the
 * journal: bound to Pekko's jackson-cbor serializer in {@code serialization.conf}. Events are
 * evolved only as docs/event-evolution.md allows.
 */
public interface CborSerializable {
}
