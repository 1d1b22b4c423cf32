package io.pmip.protocol.testsupport;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * A private network namespace for raw-socket tests, so no other process's Mobility Headers on
 * ::1 reach them. A socket belongs to the namespace it was created in, so opening it on a
 * thread that joined the namespace is enough.
 */
public final class Netns implements AutoCloseable {
    private final String name;

    private Netns(String name) {
        this.name = name;
    }

    /** Whether this process may create namespaces and raw sockets. */
    public static boolean available() throws IOException {
        return LinuxTestSupport.hasCapability(LinuxTestSupport.CAP_NET_RAW)
                && LinuxTestSupport.hasCapability(LinuxTestSupport.CAP_SYS_ADMIN);
    }

    /** A namespace named {@code prefix}-pid-n with its loopback up; the prefix names the test suite. */
    public static Netns create(String prefix) throws IOException, InterruptedException {
        String name = prefix + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;
        LinuxTestSupport.ip("netns", "add", name);
        Netns ns = new Netns(name);
        try {
            LinuxTestSupport.ip("-n", name, "link", "set", "lo", "up");
        } catch (IOException | InterruptedException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** Runs {@code task} on a fresh thread inside this namespace. */
    public <T> T run(Callable<T> task) throws Exception {
        return LinuxTestSupport.inNamespace(name, task);
    }

    /** Best effort; the name carries the pid so a leftover is attributable. */
    @Override
    public void close() {
        LinuxTestSupport.ipQuietly("netns", "del", name);
    }
}
