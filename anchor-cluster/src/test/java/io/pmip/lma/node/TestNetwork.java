package io.pmip.lma.node;

import io.pmip.protocol.testsupport.Netns;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Where a test's sockets live: a private network namespace when the process may create one, so
 * the raw Mobility Header sockets of other processes on this host (which see every datagram to ::1)
 * neither answer our MAGs nor hear our LMA; else the host's own stack.
 */
final class TestNetwork implements AutoCloseable {
    private final Optional<Netns> namespace;

    private TestNetwork(Optional<Netns> namespace) {
        this.namespace = namespace;
    }

    static TestNetwork create() throws Exception {
        return new TestNetwork(Netns.available() ? Optional.of(Netns.create("node")) : Optional.empty());
    }

    /** Runs {@code task} where sockets opened by it (and threads it starts) belong to this network. */
    <T> T run(Callable<T> task) throws Exception {
        return namespace.isPresent() ? namespace.get().run(task) : task.call();
    }

    boolean isolated() {
        return namespace.isPresent();
    }

    @Override
    public void close() {
        namespace.ifPresent(Netns::close);
    }
}
