package io.pmip.protocol.testsupport;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Linux facilities the raw-socket tests need: capability checks, running code on a thread that
 * has joined a network namespace or dropped a capability (both are per-thread on Linux), and the
 * ip(8) command.
 */
public final class LinuxTestSupport {
    public static final int CAP_NET_RAW = 13;
    public static final int CAP_SYS_ADMIN = 21;
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY_CLOEXEC = 0x80000;
    private static final int LINUX_CAPABILITY_VERSION_3 = 0x20080522;

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int open(String path, int flags);

        int close(int fd);

        int setns(int fd, int nstype);

        int capget(Memory header, Memory data);

        int capset(Memory header, Memory data);
    }

    private LinuxTestSupport() {
    }

    /** Whether the process has {@code capability} in its effective set (from /proc/self/status). */
    public static boolean hasCapability(int capability) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("CapEff:")) {
                long effective = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                return (effective & (1L << capability)) != 0;
            }
        }
        return false;
    }

    /** Runs {@code task} on a fresh thread inside network namespace {@code name} (/run/netns/name). */
    public static <T> T inNamespace(String name, Callable<T> task) throws Exception {
        return onFreshThread("netns-" + name, () -> {
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
    }

    /** Runs {@code task} on a fresh thread whose effective capability set lacks {@code capability}. */
    public static <T> T withoutCapability(int capability, Callable<T> task) throws Exception {
        return onFreshThread("without-cap-" + capability, () -> {
            Memory header = new Memory(8);
            header.setInt(0, LINUX_CAPABILITY_VERSION_3);
            header.setInt(4, 0);
            // Two struct __user_cap_data_struct {effective, permitted, inheritable}: bits 0-31, 32-63.
            Memory data = new Memory(24);
            if (LibC.INSTANCE.capget(header, data) != 0) {
                throw new IOException("capget: errno " + Native.getLastError());
            }
            int word = capability / 32;
            int effective = data.getInt(word * 12L);
            data.setInt(word * 12L, effective & ~(1 << (capability % 32)));
            if (LibC.INSTANCE.capset(header, data) != 0) {
                throw new IOException("capset: errno " + Native.getLastError());
            }
            return task.call();
        });
    }

    /** A dedicated thread, so the namespace or capability change dies with it. */
    private static <T> T onFreshThread(String name, Callable<T> task) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, name));
        try {
            Future<T> result = executor.submit(task);
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

    /** Runs ip(8) with {@code args}; fails with its output unless it exits 0. */
    public static void ip(String... args) throws IOException, InterruptedException {
        String output = run(args);
        if (output != null) {
            throw new IOException("ip " + String.join(" ", args) + " failed: " + output);
        }
    }

    /** Runs ip(8) and ignores failure: for cleanup of what may not exist. */
    public static void ipQuietly(String... args) {
        try {
            run(args);
        } catch (IOException | InterruptedException e) {
            // Best effort: the caller removes what it can.
        }
    }

    /** Null on success, else the command's output. */
    private static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add("ip");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "timed out";
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.exitValue() == 0 ? null : output;
    }
}
