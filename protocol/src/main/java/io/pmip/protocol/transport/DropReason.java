package io.pmip.protocol.transport;

/** Why a datagram was not delivered (inbound) or not sent (outbound). */
public enum DropReason {
    /** Outbound: the bounded send queue was full. */
    QUEUE_FULL,
    /** Either way: longer than the transport's maximum datagram size (truncated on receive). */
    OVERSIZE,
    /** Inbound: a datagram with no bytes. */
    EMPTY,
    /** Inbound: the handler threw; the datagram had been delivered but was not processed. */
    HANDLER_EXCEPTION,
    /** Outbound: no usable source address (wildcard bind and none given, or one the socket cannot use). */
    UNUSABLE_SOURCE,
    /** Outbound: the kernel refused the send (no route, unreachable, ...). */
    SEND_ERROR,
    /** Inbound: the kernel reported an error on receive other than a timeout. */
    RECEIVE_ERROR,
    /** Outbound: offered after close, or still queued when the transport closed. */
    CLOSED
}
