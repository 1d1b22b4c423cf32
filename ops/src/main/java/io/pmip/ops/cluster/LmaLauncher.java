package io.pmip.ops.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to run {@code pmip lma} as a child process: the java of this JVM on a classpath that holds
 * the ops module, so the child needs no build (what {@code PMIP_SKIP_BUILD=1 ops/bin/pmip lma}
 * would run).
 *
 * @param wrapper a command that runs the java command line, e.g. {@code ip netns exec NAME}
 *                (empty: java itself); it must exec, so that the process is the JVM
 */
public record LmaLauncher(String java, String classpath, List<String> jvmOptions, List<String> wrapper) {
    public static final String MAIN_CLASS = "io.pmip.ops.Pmip";

    public LmaLauncher {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(classpath, "classpath");
        jvmOptions = List.copyOf(jvmOptions);
        wrapper = List.copyOf(wrapper);
    }

    public LmaLauncher(String java, String classpath, List<String> jvmOptions) {
        this(java, classpath, jvmOptions, List.of());
    }

    /** The java and classpath of this process (ops/bin/pmip runs with an explicit classpath). */
    public static LmaLauncher fromCurrentJvm() {
        return new LmaLauncher(currentJava(), System.getProperty("java.class.path"), List.of());
    }

    /**
     * From a built ops module: {@code target/classes} and {@code target/runtime.classpath} (what
     * ops/bin/pmip uses; also written by {@code mvn test}, with the reactor's target/classes).
     */
    public static LmaLauncher fromOpsModule(Path opsModule) throws IOException {
        Path target = opsModule.resolve("target");
        String deps = Files.readString(target.resolve("runtime.classpath")).trim();
        return new LmaLauncher(currentJava(), target.resolve("classes") + File.pathSeparator + deps, List.of());
    }

    private static String currentJava() {
        return ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public LmaLauncher withJvmOptions(List<String> options) {
        return new LmaLauncher(java, classpath, options, wrapper);
    }

    /** Run in network namespace {@code name} ({@code ip netns exec}, which execs: the pid is the JVM's). */
    public LmaLauncher inNetworkNamespace(String name) {
        return new LmaLauncher(java, classpath, jvmOptions, List.of("ip", "netns", "exec", name));
    }

    /** {@code [wrapper] java [options] -cp CLASSPATH io.pmip.ops.Pmip lma ARGS}. */
    public List<String> command(List<String> lmaArgs) {
        List<String> command = new ArrayList<>(wrapper);
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(MAIN_CLASS);
        command.add("lma");
        command.addAll(lmaArgs);
        return command;
    }
}
