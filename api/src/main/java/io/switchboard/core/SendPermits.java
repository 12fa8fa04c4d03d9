package io.switchboard.core;

import io.switchboard.BufferFullPolicy;
import io.switchboard.MessagingException;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one bound on accepted-but-unfinished messages: a permit per message and one per value byte. Not a second
 * queue: a permit is held from acceptance to outcome while the client does the buffering.
 *
 * <p>Both counts live in one word (messages in the high half, bytes in the low half), so taking and giving back
 * room is one atomic operation each, on the sending thread and on the client's completing thread. Only a sender
 * that finds the buffer full takes the lock, to wait; a release looks at the lock only when someone waits.
 */
final class SendPermits {
    private static final AtomicLongFieldUpdater<SendPermits> USED =
            AtomicLongFieldUpdater.newUpdater(SendPermits.class, "used");
    private static final long ONE_MESSAGE = 1L << 32;
    private static final long BYTES_MASK = ONE_MESSAGE - 1;

    private final BufferFullPolicy policy;
    private final long maxBlockNanos;
    private final int maxMessages;
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomMade = lock.newCondition();
    /** Messages in the high 32 bits, bytes in the low 32 (both bounded by int limits, so neither overflows). */
    private volatile long used;
    /** Senders waiting for room; a release signals only when there are some. */
    private volatile int waiting;
    private volatile boolean closed;

    SendPermits(ProducerSettings settings) {
        this.maxMessages = settings.bufferMaxMessages();
        this.maxBytes = Math.min(settings.bufferMaxBytes(), Integer.MAX_VALUE);
        this.policy = settings.bufferWhenFull();
        this.maxBlockNanos = settings.maxBlock().toNanos();
    }

    /**
     * Takes room for one message of {@code size} bytes, waiting up to max-block under the block policy.
     *
     * @throws MessagingException {@link Reason#BUFFER_FULL} when there is no room in time; {@link Reason#CLOSED}
     *                            when the producer closed while the sender waited
     */
    void acquire(int size) {
        if (tryAcquire(size)) {
            return;
        }
        if (policy == BufferFullPolicy.FAIL) {
            throw full(size);
        }
        awaitRoom(size);
    }

    void release(int size) {
        USED.getAndAdd(this, -(ONE_MESSAGE + size));
        if (waiting > 0) {
            signalAll();
        }
    }

    /** Lets every sender waiting for room go now: each fails {@link Reason#CLOSED}. */
    void wakeAll() {
        closed = true;
        signalAll();
    }

    private boolean tryAcquire(int size) {
        while (true) {
            long current = used;
            long messages = current >>> 32;
            long bytes = current & BYTES_MASK;
            if (messages >= maxMessages || bytes + size > maxBytes) {
                return false;
            }
            if (USED.compareAndSet(this, current, current + ONE_MESSAGE + size)) {
                return true;
            }
        }
    }

    private void awaitRoom(int size) {
        long deadline = System.nanoTime() + maxBlockNanos;
        lock.lock();
        try {
            // counted before the next try, so a release after that try sees a waiter and signals
            waiting++;
            while (true) {
                if (closed) {
                    throw new MessagingException(Reason.CLOSED, "the producer closed while the message waited for room"
                            + " in its buffer; the message was not accepted");
                }
                if (tryAcquire(size)) {
                    return;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw full(size);
                }
                roomMade.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException(Reason.BUFFER_FULL, "interrupted while waiting for room in the producer's buffer;"
                    + " the message was not accepted", e);
        } finally {
            waiting--;
            lock.unlock();
        }
    }

    private void signalAll() {
        lock.lock();
        try {
            roomMade.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private MessagingException full(int size) {
        long current = used;
        boolean messagesFull = (current >>> 32) >= maxMessages;
        String what = messagesFull ? "messages" : "bytes";
        String setting = messagesFull ? ProducerSettings.BUFFER_MAX_MESSAGES : ProducerSettings.BUFFER_MAX_BYTES;
        long limit = messagesFull ? maxMessages : maxBytes;
        String waited = policy == BufferFullPolicy.FAIL ? "at once (" + ProducerSettings.BUFFER_WHEN_FULL + "=fail)"
                : "after waiting " + Duration.ofNanos(maxBlockNanos) + " (" + ProducerSettings.MAX_BLOCK + ")";
        return new MessagingException(Reason.BUFFER_FULL, "the producer's buffer is full (" + setting + "=" + limit
                + " unacknowledged " + what + "); the message was not accepted " + waited
                + ". Slow down, raise " + setting + ", or check that the broker is reachable");
    }
}
