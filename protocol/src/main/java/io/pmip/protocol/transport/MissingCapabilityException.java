package io.pmip.protocol.transport;

/** The process lacks a Linux capability the transport needs (CAP_NET_RAW for raw sockets). */
public final class MissingCapabilityException extends TransportException {
    private final String capability;

    public MissingCapabilityException(String capability, String message) {
        super(message);
        this.capability = capability;
    }

    /** The capability's name as in capabilities(7), e.g. "CAP_NET_RAW". */
    public String capability() {
        return capability;
    }
}
