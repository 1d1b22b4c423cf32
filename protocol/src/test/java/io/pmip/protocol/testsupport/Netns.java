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

    /** The name ip(8) knows it by: {@code ip -n NAME ...}, {@code ip netns exec NAME ...}. */
    public String name() {
        return name;
    }

    /** Runs ip(8) with {@code args} inside this namespace ({@code ip -n NAME args}). */
    public void ip(String... args) throws IOException, InterruptedException {
        String[] all = new String[args.length + 2];
        all[0] = "-n";
        all[1] = name;
        System.arraycopy(args, 0, all, 2, args.length);
        LinuxTestSupport.ip(all);
    }

    /** Sets sysctls ({@code key=value}) of this namespace. */
    public void sysctl(String... settings) throws IOException, InterruptedException {
        String[] all = new String[settings.length + 5];
        all[0] = "netns";
        all[1] = "exec";
        all[2] = name;
        all[3] = "sysctl";
        all[4] = "-qw";
        System.arraycopy(settings, 0, all, 5, settings.length);
        LinuxTestSupport.ip(all);
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
