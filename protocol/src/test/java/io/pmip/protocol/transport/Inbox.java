package io.pmip.protocol.transport;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A handler that keeps what it receives, for tests to wait on with a bounded timeout. */
final class Inbox implements InboundHandler {
    static final long TIMEOUT_SECONDS = 5;
    private final LinkedBlockingQueue<InboundDatagram> received = new LinkedBlockingQueue<>();

    @Override
    public void onDatagram(InboundDatagram datagram) {
        received.add(datagram);
    }

    InboundDatagram next() throws InterruptedException {
        InboundDatagram datagram = received.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(datagram, "nothing received within " + TIMEOUT_SECONDS + " s");
        return datagram;
    }

    /** The next datagram {@code wanted} accepts, skipping others (other raw sockets' traffic). */
    InboundDatagram nextMatching(Predicate<InboundDatagram> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            long left = deadline - System.nanoTime();
            InboundDatagram datagram = received.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
            assertNotNull(datagram, "no matching datagram within " + TIMEOUT_SECONDS + " s");
            if (wanted.test(datagram)) {
                return datagram;
            }
        }
    }

    InboundDatagram poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    int size() {
        return received.size();
    }
}
