package io.pmip.protocol.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The two threads every transport has: a receive loop that delivers to the handler and survives
 * anything a datagram or the handler does, and a sender draining a bounded queue. Subclasses own
 * the socket.
 */
abstract sealed class AbstractSignalingTransport implements SignalingTransport
        permits MhIpv6Transport, UdpIpv4Transport {

    private static final long JOIN_TIMEOUT_MILLIS = 2_000;
    /** Pause after an unexpected receive error so a persistent one cannot spin a core. */
    private static final long RECEIVE_ERROR_PAUSE_MILLIS = 10;

    protected final TransportConfig config;
    protected final TransportStats stats = new TransportStats();
    private final InboundHandler handler;
    private final BlockingQueue<OutboundDatagram> sendQueue;
    private final Thread receiver;
    private final Thread sender;
    private volatile boolean running = true;

    protected AbstractSignalingTransport(TransportConfig config, InboundHandler handler) {
        this.config = config;
        this.handler = Objects.requireNonNull(handler, "handler");
        this.sendQueue = new ArrayBlockingQueue<>(config.sendQueueCapacity());
        String name = "pmip-" + config.kind().name().toLowerCase() + "-" + config.localAddress().getHostAddress();
        this.receiver = new Thread(this::receiveLoop, name + "-rx");
        this.sender = new Thread(this::sendLoop, name + "-tx");
        receiver.setDaemon(true);
        sender.setDaemon(true);
    }

    /** Called by the subclass once its socket is bound. */
    protected final void start() {
        receiver.start();
        sender.start();
    }

    /**
     * Blocks until a datagram arrives or a short timeout passes. Returns null when there is
     * nothing to deliver (timeout, or a datagram the subclass counted as dropped).
     */
    protected abstract InboundDatagram receiveOne() throws IOException;

    /** Sends on the sender thread; an IOException is counted as {@link DropReason#SEND_ERROR}. */
    protected abstract void transmit(OutboundDatagram datagram) throws IOException;

    /** Checks what the subclass can know before queueing: family, source. Counts its own drops. */
    protected abstract boolean acceptable(OutboundDatagram datagram);

    /** Makes a blocked {@link #receiveOne()} return, and releases the socket after the threads stop. */
    protected abstract void wakeReceiver();

    protected abstract void releaseSocket();

    protected final boolean isRunning() {
        return running;
    }

    @Override
    public final TransportKind kind() {
        return config.kind();
    }

    @Override
    public final TransportStats stats() {
        return stats;
    }

    @Override
    public final boolean send(OutboundDatagram datagram) {
        if (datagram.payload().length > config.maxDatagramBytes()) {
            stats.countDropped(DropReason.OVERSIZE);
            return false;
        }
        if (!acceptable(datagram)) {
            return false;
        }
        if (!running) {
            stats.countDropped(DropReason.CLOSED);
            return false;
        }
        if (!sendQueue.offer(datagram)) {
            stats.countDropped(DropReason.QUEUE_FULL);
            return false;
        }
        return true;
    }

    private void receiveLoop() {
        while (running) {
            InboundDatagram datagram;
            try {
                datagram = receiveOne();
            } catch (IOException | RuntimeException e) {
                if (!running) {
                    return;
                }
                stats.countDropped(DropReason.RECEIVE_ERROR);
                pause();
                continue;
            }
            if (datagram == null) {
                continue;
            }
            stats.countReceived();
            try {
                handler.onDatagram(datagram);
            } catch (RuntimeException | Error e) {
                // One bad message must not stop signaling for every other MAG.
                stats.countDropped(DropReason.HANDLER_EXCEPTION);
                if (e instanceof VirtualMachineError vme) {
                    throw vme;
                }
            }
        }
    }

    private void sendLoop() {
        while (running) {
            OutboundDatagram datagram;
            try {
                datagram = sendQueue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                transmit(datagram);
                stats.countSent();
            } catch (IOException | RuntimeException e) {
                if (!running) {
                    return;
                }
                stats.countDropped(DropReason.SEND_ERROR);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RECEIVE_ERROR_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public final void close() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        wakeReceiver();
        sender.interrupt();
        join(receiver);
        join(sender);
        releaseSocket();
        // What was queued but never sent (and a send racing with close) is accounted for, not lost silently.
        while (sendQueue.poll() != null) {
            stats.countDropped(DropReason.CLOSED);
        }
    }

    private static void join(Thread thread) {
        if (thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(JOIN_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected static boolean isWildcard(InetAddress address) {
        return address.isAnyLocalAddress();
    }
}
