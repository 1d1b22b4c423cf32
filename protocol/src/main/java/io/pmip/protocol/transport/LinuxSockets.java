package io.pmip.protocol.transport;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few libc socket calls the raw transport needs, and their Linux constants (generic values,
 * as on x86-64 and arm64; see socket(7), ipv6(7), raw(7)). Failures return -1 with errno in
 * {@link Native#getLastError()}.
 */
interface LinuxSockets extends Library {
    LinuxSockets LIBC = Native.load("c", LinuxSockets.class);

    int AF_INET6 = 10;
    int SOCK_RAW = 3;
    int SOCK_CLOEXEC = 0x80000;
    int SOL_SOCKET = 1;
    int SO_RCVBUF = 8;
    int SO_RCVTIMEO = 20;
    int IPPROTO_IPV6 = 41;
    /** RFC 3542 section 3.1: offset of the checksum the kernel computes and verifies, -1 for none. */
    int IPV6_CHECKSUM = 7;
    int IPV6_RECVPKTINFO = 49;
    int IPV6_PKTINFO = 50;
    int MSG_CTRUNC = 0x8;
    int MSG_TRUNC = 0x20;
    int SHUT_RDWR = 2;

    int EINTR = 4;
    int EAGAIN = 11;
    int EPERM = 1;
    int EACCES = 13;

    int socket(int domain, int type, int protocol);

    int bind(int fd, Pointer address, int addressLength);

    int setsockopt(int fd, int level, int name, Pointer value, int valueLength);

    int getsockopt(int fd, int level, int name, Pointer value, Pointer valueLength);

    long recvmsg(int fd, Pointer message, int flags);

    long sendmsg(int fd, Pointer message, int flags);

    int shutdown(int fd, int how);

    int close(int fd);

    String strerror(int errno);
}
