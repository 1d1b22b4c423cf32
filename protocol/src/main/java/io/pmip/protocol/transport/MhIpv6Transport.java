package io.pmip.protocol.transport;

import static io.pmip.protocol.transport.LinuxSockets.LIBC;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;

/**
 * The Mobility Header directly over IPv6 (Next Header 135, RFC 6275 section 6.1) on a Linux raw
 * socket, through JNA. Needs CAP_NET_RAW.
 *
 * <p>Linux gives an IPPROTO_MH raw socket a kernel checksum at offset 4 by default (net/ipv6/raw.c
 * rawv6_init_sk): it overwrites the Checksum field on send and silently discards a datagram whose
 * checksum is wrong on receive. This transport turns that off (IPV6_CHECKSUM = -1) so that the
 * bytes on the wire are exactly the codec's and a bad checksum reaches the decoder, which reports
 * and counts it. The price is that the source address must be known when sending, since the
 * checksum covers it: it is the datagram's own source, else the bound address.
 *
 * <p>The destination of each received datagram comes from IPV6_PKTINFO (RFC 3542 section 6.1);
 * the source of each sent one is chosen the same way, so a socket bound to :: still replies from
 * the address the request was sent to.
 */
final class MhIpv6Transport extends AbstractSignalingTransport {
    /** How often a blocked receive wakes to notice close(), in microseconds. */
    private static final long RECEIVE_TIMEOUT_MICROS = 200_000;

    private final int fd;
    private final Inet6Address localAddress;
    private final Ipv6MessageBuffer receiveBuffer;
    private final Ipv6MessageBuffer sendBuffer;

    private MhIpv6Transport(TransportConfig config, InboundHandler handler, int fd) {
        super(config, handler);
        this.fd = fd;
        this.localAddress = (Inet6Address) config.localAddress();
        // One byte more than the maximum, so an oversize datagram is told from one of exactly the maximum.
        this.receiveBuffer = new Ipv6MessageBuffer(config.maxDatagramBytes() + 1);
        this.sendBuffer = new Ipv6MessageBuffer(config.maxDatagramBytes());
    }

    static MhIpv6Transport open(TransportConfig config, InboundHandler handler) throws TransportException {
        int fd = LIBC.socket(LinuxSockets.AF_INET6, LinuxSockets.SOCK_RAW | LinuxSockets.SOCK_CLOEXEC,
                TransportKind.MH_IPV6.ipProtocol());
        if (fd < 0) {
            int errno = Native.getLastError();
            if (errno == LinuxSockets.EPERM || errno == LinuxSockets.EACCES) {
                throw new MissingCapabilityException("CAP_NET_RAW",
                        "a raw IPv6 socket for the Mobility Header (protocol 135) needs CAP_NET_RAW: run as root"
                                + " or grant it (setcap cap_net_raw+ep on the java binary, or"
                                + " AmbientCapabilities=CAP_NET_RAW in a systemd unit)");
            }
            throw failure("socket(AF_INET6, SOCK_RAW, 135)", errno);
        }
        try {
            setInt(fd, LinuxSockets.IPPROTO_IPV6, LinuxSockets.IPV6_CHECKSUM, -1, "IPV6_CHECKSUM");
            setInt(fd, LinuxSockets.IPPROTO_IPV6, LinuxSockets.IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO");
            if (config.receiveBufferBytes() > 0) {
                setInt(fd, LinuxSockets.SOL_SOCKET, LinuxSockets.SO_RCVBUF, config.receiveBufferBytes(), "SO_RCVBUF");
            }
            Memory timeout = new Memory(16);
            timeout.setLong(0, 0);
            timeout.setLong(8, RECEIVE_TIMEOUT_MICROS);
            check(LIBC.setsockopt(fd, LinuxSockets.SOL_SOCKET, LinuxSockets.SO_RCVTIMEO, timeout, 16),
                    "SO_RCVTIMEO");
            MhIpv6Transport transport = new MhIpv6Transport(config, handler, fd);
            transport.bind();
            transport.start();
            return transport;
        } catch (TransportException | RuntimeException e) {
            LIBC.close(fd);
            throw e;
        }
    }

    private void bind() throws TransportException {
        Ipv6MessageBuffer scratch = receiveBuffer;
        scratch.writeSockaddr(localAddress);
        check(LIBC.bind(fd, scratch.sockaddr(), Ipv6MessageBuffer.SOCKADDR_IN6_SIZE),
                "bind to " + localAddress.getHostAddress());
    }

    @Override
    public InetAddress localAddress() {
        return localAddress;
    }

    @Override
    public int localPort() {
        return 0;
    }

    @Override
    protected InboundDatagram receiveOne() throws IOException {
        receiveBuffer.prepareReceive();
        // MSG_TRUNC: return the datagram's real length even when it did not fit.
        long n = LIBC.recvmsg(fd, receiveBuffer.message(), LinuxSockets.MSG_TRUNC);
        if (n < 0) {
            int errno = Native.getLastError();
            if (errno == LinuxSockets.EAGAIN || errno == LinuxSockets.EINTR) {
                return null;
            }
            throw new IOException("recvmsg: " + LIBC.strerror(errno));
        }
        if (!isRunning()) {
            return null;
        }
        if (n == 0) {
            stats.countDropped(DropReason.EMPTY);
            return null;
        }
        if (n > config.maxDatagramBytes() || (receiveBuffer.flags() & LinuxSockets.MSG_TRUNC) != 0) {
            stats.countDropped(DropReason.OVERSIZE);
            return null;
        }
        InetAddress destination = receiveBuffer.pktinfoDestination();
        if (destination == null) {
            if (isWildcard(localAddress)) {
                stats.countDropped(DropReason.RECEIVE_ERROR);
                return null;
            }
            destination = localAddress;
        }
        return new InboundDatagram(receiveBuffer.copyData((int) n), receiveBuffer.peerAddress(), 0, destination, 0,
                TransportKind.MH_IPV6, Instant.now());
    }

    @Override
    protected boolean acceptable(OutboundDatagram datagram) {
        if (!(datagram.destination() instanceof Inet6Address)) {
            throw new IllegalArgumentException("MH_IPV6 sends to IPv6 addresses only: " + datagram.destination());
        }
        InetAddress source = datagram.source();
        if (source != null && !(source instanceof Inet6Address)) {
            throw new IllegalArgumentException("MH_IPV6 sends from IPv6 addresses only: " + source);
        }
        if (source == null && isWildcard(localAddress)) {
            // The checksum covers the source, so the kernel must not pick one the codec did not use.
            stats.countDropped(DropReason.UNUSABLE_SOURCE);
            return false;
        }
        return true;
    }

    @Override
    protected void transmit(OutboundDatagram datagram) throws IOException {
        Inet6Address source = datagram.source() != null ? (Inet6Address) datagram.source() : localAddress;
        sendBuffer.prepareSend((Inet6Address) datagram.destination(), datagram.payload(), source);
        long n = LIBC.sendmsg(fd, sendBuffer.message(), 0);
        if (n < 0) {
            throw new IOException("sendmsg to " + datagram.destination().getHostAddress() + ": "
                    + LIBC.strerror(Native.getLastError()));
        }
    }

    @Override
    protected void wakeReceiver() {
        // shutdown wakes a blocked recvmsg at once; the receive timeout covers kernels where it does not.
        LIBC.shutdown(fd, LinuxSockets.SHUT_RDWR);
    }

    @Override
    protected void releaseSocket() {
        LIBC.close(fd);
    }

    @Override
    public int receiveBufferBytes() {
        Memory value = new Memory(4);
        Memory length = new Memory(4);
        length.setInt(0, 4);
        return LIBC.getsockopt(fd, LinuxSockets.SOL_SOCKET, LinuxSockets.SO_RCVBUF, value, length) < 0 ? -1
                : value.getInt(0);
    }

    private static void setInt(int fd, int level, int name, int value, String what) throws TransportException {
        Memory memory = new Memory(4);
        memory.setInt(0, value);
        check(LIBC.setsockopt(fd, level, name, memory, 4), what);
    }

    private static void check(int result, String what) throws TransportException {
        if (result < 0) {
            throw failure(what, Native.getLastError());
        }
    }

    private static TransportException failure(String what, int errno) {
        return new TransportException(what + " failed: " + LIBC.strerror(errno) + " (errno " + errno + ")");
    }
}
