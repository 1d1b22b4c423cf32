package io.pmip.protocol.transport;

import java.io.IOException;

/** A transport could not be opened. */
public sealed class TransportException extends IOException permits MissingCapabilityException {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
