package io.pmip.protocol.transport;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * One native block holding a struct msghdr, its single iovec, a sockaddr_in6, a control buffer
 * and the data bytes, laid out once and reused for every recvmsg or sendmsg (one per thread).
 * Layouts are those of 64-bit Linux (x86-64, arm64).
 */
final class Ipv6MessageBuffer {
    // struct msghdr
    private static final int MSG_NAME = 0;
    private static final int MSG_NAMELEN = 8;
    private static final int MSG_IOV = 16;
    private static final int MSG_IOVLEN = 24;
    private static final int MSG_CONTROL = 32;
    private static final int MSG_CONTROLLEN = 40;
    private static final int MSG_FLAGS = 48;
    // struct iovec
    private static final int IOV = 56;
    // struct sockaddr_in6
    private static final int SOCKADDR = 72;
    static final int SOCKADDR_IN6_SIZE = 28;
    private static final int CONTROL = 104;
    /** Room for IPV6_PKTINFO (CMSG_SPACE(20) = 40) and a few more the kernel might add. */
    private static final int CONTROL_SIZE = 128;
    private static final int DATA = CONTROL + CONTROL_SIZE;
    // struct cmsghdr
    private static final int CMSG_HEADER = 16;
    // struct in6_pktinfo: 16-byte address, then the interface index
    private static final int IN6_PKTINFO_SIZE = 20;

    private final Memory memory;
    private final int dataCapacity;
    private final byte[] address = new byte[16];
    private final byte[] lastDestinationBytes = new byte[16];
    private int lastDestinationScope;
    private InetAddress lastDestination;

    Ipv6MessageBuffer(int dataCapacity) {
        if (Native.POINTER_SIZE != 8 || Native.SIZE_T_SIZE != 8) {
            throw new IllegalStateException("the raw Mobility Header transport supports 64-bit Linux only");
        }
        this.dataCapacity = dataCapacity;
        this.memory = new Memory(DATA + (long) dataCapacity);
        memory.clear();
        memory.setPointer(MSG_NAME, memory.share(SOCKADDR));
        memory.setPointer(MSG_IOV, memory.share(IOV));
        memory.setLong(MSG_IOVLEN, 1);
        memory.setPointer(IOV, memory.share(DATA));
    }

    Memory message() {
        return memory;
    }

    Pointer sockaddr() {
        return memory.share(SOCKADDR, SOCKADDR_IN6_SIZE);
    }

    /** Before recvmsg: the whole data area and control buffer are free. */
    void prepareReceive() {
        memory.setInt(MSG_NAMELEN, SOCKADDR_IN6_SIZE);
        memory.setLong(IOV + 8, dataCapacity);
        memory.setPointer(MSG_CONTROL, memory.share(CONTROL));
        memory.setLong(MSG_CONTROLLEN, CONTROL_SIZE);
        memory.setInt(MSG_FLAGS, 0);
    }

    int flags() {
        return memory.getInt(MSG_FLAGS);
    }

    byte[] copyData(int length) {
        return memory.getByteArray(DATA, length);
    }

    /** The sender's address from msg_name, with its scope (interface) for link-local addresses. */
    InetAddress peerAddress() throws UnknownHostException {
        memory.read(SOCKADDR + 8, address, 0, 16);
        return ipv6(address, memory.getInt(SOCKADDR + 24));
    }

    /**
     * The destination address from the IPV6_PKTINFO control message (RFC 3542 section 6.1), or
     * null when the kernel did not include one.
     */
    InetAddress pktinfoDestination() throws UnknownHostException {
        long controlLength = memory.getLong(MSG_CONTROLLEN);
        long offset = 0;
        while (offset + CMSG_HEADER <= controlLength) {
            long cmsgLength = memory.getLong(CONTROL + offset);
            if (cmsgLength < CMSG_HEADER || offset + cmsgLength > controlLength) {
                return null;
            }
            int level = memory.getInt(CONTROL + offset + 8);
            int type = memory.getInt(CONTROL + offset + 12);
            if (level == LinuxSockets.IPPROTO_IPV6 && type == LinuxSockets.IPV6_PKTINFO
                    && cmsgLength >= CMSG_HEADER + IN6_PKTINFO_SIZE) {
                long data = CONTROL + offset + CMSG_HEADER;
                memory.read(data, address, 0, 16);
                int scope = memory.getInt(data + 16);
                // Nearly every datagram goes to the same address: reuse its InetAddress.
                if (lastDestination == null || scope != lastDestinationScope
                        || !Arrays.equals(address, lastDestinationBytes)) {
                    lastDestination = ipv6(address, scope);
                    lastDestinationScope = scope;
                    System.arraycopy(address, 0, lastDestinationBytes, 0, 16);
                }
                return lastDestination;
            }
            offset += (cmsgLength + 7) & ~7L;
        }
        return null;
    }

    /** Before sendmsg: destination, payload, and the source in an IPV6_PKTINFO control message. */
    void prepareSend(Inet6Address destination, byte[] payload, Inet6Address source) {
        writeSockaddr(SOCKADDR, destination);
        memory.setInt(MSG_NAMELEN, SOCKADDR_IN6_SIZE);
        memory.write(DATA, payload, 0, payload.length);
        memory.setLong(IOV + 8, payload.length);
        memory.setInt(MSG_FLAGS, 0);
        long space = CMSG_HEADER + ((IN6_PKTINFO_SIZE + 7) & ~7);
        memory.setMemory(CONTROL, space, (byte) 0);
        memory.setLong(CONTROL, CMSG_HEADER + IN6_PKTINFO_SIZE);
        memory.setInt(CONTROL + 8, LinuxSockets.IPPROTO_IPV6);
        memory.setInt(CONTROL + 12, LinuxSockets.IPV6_PKTINFO);
        memory.write(CONTROL + CMSG_HEADER, source.getAddress(), 0, 16);
        memory.setInt(CONTROL + CMSG_HEADER + 16, source.getScopeId());
        memory.setPointer(MSG_CONTROL, memory.share(CONTROL));
        memory.setLong(MSG_CONTROLLEN, space);
    }

    /** Fills a sockaddr_in6 with port 0: raw sockets have no ports. */
    void writeSockaddr(long offset, Inet6Address address) {
        memory.setMemory(offset, SOCKADDR_IN6_SIZE, (byte) 0);
        memory.setShort(offset, (short) LinuxSockets.AF_INET6);
        memory.write(offset + 8, address.getAddress(), 0, 16);
        memory.setInt(offset + 24, address.getScopeId());
    }

    void writeSockaddr(Inet6Address address) {
        writeSockaddr(SOCKADDR, address);
    }

    private static InetAddress ipv6(byte[] bytes, int scope) throws UnknownHostException {
        boolean linkLocal = (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0x80;
        if (linkLocal && scope != 0) {
            return Inet6Address.getByAddress(null, bytes, scope);
        }
        return InetAddress.getByAddress(bytes);
    }
}
