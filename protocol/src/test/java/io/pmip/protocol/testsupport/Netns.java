package io.pmip.protocol.testsupport;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A private network namespace for raw-socket tests, so no other process's Mobility Headers on
 * ::1 reach them. A socket belongs to the namespace it was created in, so opening it on a
 * thread that joined the namespace is enough.
 */
public final class Netns implements AutoCloseable {
    private static final int CAP_NET_RAW = 13;
    private static final int CAP_SYS_ADMIN = 21;
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY_CLOEXEC = 0x80000;

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int open(String path, int flags);

        int close(int fd);

        int setns(int fd, int nstype);
    }

    private final String name;

    private Netns(String name) {
        this.name = name;
    }

    /** Whether this process may create namespaces and raw sockets. */
    public static boolean available() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("CapEff:")) {
                long effective = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                return (effective & (1L << CAP_NET_RAW)) != 0 && (effective & (1L << CAP_SYS_ADMIN)) != 0;
            }
        }
        return false;
    }

    /** A namespace named {@code prefix}-pid-n with its loopback up; the prefix names the test suite. */
    public static Netns create(String prefix) throws IOException, InterruptedException {
        String name = prefix + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;
        ip("netns", "add", name);
        Netns ns = new Netns(name);
        try {
            ip("-n", name, "link", "set", "lo", "up");
        } catch (IOException | InterruptedException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** Runs {@code task} on a fresh thread inside this namespace. */
    public <T> T run(Callable<T> task) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "netns-" + name));
        try {
            Future<T> result = executor.submit(() -> {
                int fd = LibC.INSTANCE.open("/run/netns/" + name, O_RDONLY_CLOEXEC);
                if (fd < 0) {
                    throw new IOException("open /run/netns/" + name + ": errno " + Native.getLastError());
                }
                try {
                    if (LibC.INSTANCE.setns(fd, CLONE_NEWNET) != 0) {
                        throw new IOException("setns " + name + ": errno " + Native.getLastError());
                    }
                } finally {
                    LibC.INSTANCE.close(fd);
                }
                return task.call();
            });
            return result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } finally {
            executor.shutdownNow();
        }
    }

    @Override
    public void close() {
        try {
            ip("netns", "del", name);
        } catch (IOException | InterruptedException e) {
            // Best effort; the name carries the pid so a leftover is attributable.
        }
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("ip");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("ip " + String.join(" ", args) + " timed out");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("ip " + String.join(" ", args) + " failed: " + output);
        }
    }
}
