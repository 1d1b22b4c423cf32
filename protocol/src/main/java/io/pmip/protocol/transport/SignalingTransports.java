package io.pmip.protocol.transport;

/** Opens the transport a {@link TransportConfig} describes. */
public final class SignalingTransports {
    private SignalingTransports() {
    }

    /**
     * Binds the socket and starts the receive and send threads.
     *
     * @throws MissingCapabilityException for MH_IPV6 without CAP_NET_RAW
     * @throws TransportException         when the socket cannot be opened or bound
     */
    public static SignalingTransport open(TransportConfig config, InboundHandler handler) throws TransportException {
        return switch (config.kind()) {
            case MH_IPV6 -> MhIpv6Transport.open(config, handler);
            case UDP_IPV4 -> UdpIpv4Transport.open(config, handler);
        };
    }
}
