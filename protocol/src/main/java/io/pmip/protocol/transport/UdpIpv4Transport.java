package io.pmip.protocol.transport;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Instant;

/**
 * The Mobility Header as the payload of UDP over IPv4 (RFC 5844 section 3.1.1.1, port 5436).
 *
 * <p>The socket is bound to one specific IPv4 address: DatagramChannel does not report the
 * destination address of a received datagram (no IP_PKTINFO), so the bound address is the
 * destination, and replies leave from it. A wildcard bind is refused.
 *
 * <p>SO_REUSEPORT (on by default) lets several processes bind the same address and port; Linux
 * then spreads datagrams among them by a hash of the source address and port, which is how a
 * cluster on one host emulates an anycast LMA address.
 */
final class UdpIpv4Transport extends AbstractSignalingTransport {
    private final DatagramChannel channel;
    private final InetAddress localAddress;
    private final int localPort;
    /** One byte more than the maximum, so an oversize datagram is told from one of exactly the maximum. */
    private final ByteBuffer receiveBuffer;

    private UdpIpv4Transport(TransportConfig config, InboundHandler handler, DatagramChannel channel,
            InetSocketAddress bound) {
        super(config, handler);
        this.channel = channel;
        this.localAddress = bound.getAddress();
        this.localPort = bound.getPort();
        this.receiveBuffer = ByteBuffer.allocateDirect(config.maxDatagramBytes() + 1);
    }

    static UdpIpv4Transport open(TransportConfig config, InboundHandler handler) throws TransportException {
        if (isWildcard(config.localAddress())) {
            throw new TransportException("UDP_IPV4 needs a specific local IPv4 address, not "
                    + config.localAddress().getHostAddress()
                    + ": the destination of a datagram, which the Mobility Header checksum and the reply need,"
                    + " is known only from the bound address");
        }
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.setOption(StandardSocketOptions.SO_REUSEPORT, config.reusePort());
            if (config.receiveBufferBytes() > 0) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, config.receiveBufferBytes());
            }
            channel.bind(new InetSocketAddress(config.localAddress(), config.port()));
            channel.configureBlocking(true);
            InetSocketAddress bound = (InetSocketAddress) channel.getLocalAddress();
            UdpIpv4Transport transport = new UdpIpv4Transport(config, handler, channel, bound);
            transport.start();
            return transport;
        } catch (IOException | UnsupportedOperationException e) {
            closeQuietly(channel);
            throw new TransportException("cannot bind UDP " + config.localAddress().getHostAddress() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InetAddress localAddress() {
        return localAddress;
    }

    @Override
    public int localPort() {
        return localPort;
    }

    @Override
    public int receiveBufferBytes() {
        try {
            return channel.getOption(StandardSocketOptions.SO_RCVBUF);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    protected InboundDatagram receiveOne() throws IOException {
        receiveBuffer.clear();
        InetSocketAddress source;
        try {
            source = (InetSocketAddress) channel.receive(receiveBuffer);
        } catch (ClosedChannelException e) {
            if (!isRunning()) {
                return null;
            }
            throw e;
        }
        if (source == null) {
            return null;
        }
        int length = receiveBuffer.position();
        if (length == 0) {
            stats.countDropped(DropReason.EMPTY);
            return null;
        }
        if (length > config.maxDatagramBytes()) {
            stats.countDropped(DropReason.OVERSIZE);
            return null;
        }
        byte[] payload = new byte[length];
        receiveBuffer.flip().get(payload);
        return new InboundDatagram(payload, source.getAddress(), source.getPort(), localAddress, localPort,
                TransportKind.UDP_IPV4, Instant.now());
    }

    @Override
    protected boolean acceptable(OutboundDatagram datagram) {
        if (!(datagram.destination() instanceof Inet4Address)) {
            throw new IllegalArgumentException("UDP_IPV4 sends to IPv4 addresses only: " + datagram.destination());
        }
        if (datagram.source() != null && !datagram.source().equals(localAddress)) {
            // The socket can only send from its bound address; a checksum computed for another would be wrong.
            stats.countDropped(DropReason.UNUSABLE_SOURCE);
            return false;
        }
        return true;
    }

    @Override
    protected void transmit(OutboundDatagram datagram) throws IOException {
        channel.send(ByteBuffer.wrap(datagram.payload()),
                new InetSocketAddress(datagram.destination(), datagram.destinationPort()));
    }

    @Override
    protected void wakeReceiver() {
        // Closing the channel makes a blocked receive throw AsynchronousCloseException.
        closeQuietly(channel);
    }

    @Override
    protected void releaseSocket() {
        closeQuietly(channel);
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}
