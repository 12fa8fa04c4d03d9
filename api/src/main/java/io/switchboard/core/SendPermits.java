package io.switchboard.core;

import io.switchboard.BufferFullPolicy;
import io.switchboard.MessagingException;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The one bound on accepted-but-unfinished messages: a permit per message and one per value byte. Not a second
 * queue: a permit is held from acceptance to outcome while the client does the buffering.
 */
final class SendPermits {
    private final Semaphore messages;
    private final Semaphore bytes;
    private final BufferFullPolicy policy;
    private final long maxBlockNanos;
    private final int maxMessages;
    private final long maxBytes;

    SendPermits(ProducerSettings settings) {
        this.maxMessages = settings.bufferMaxMessages();
        this.maxBytes = settings.bufferMaxBytes();
        this.messages = new Semaphore(maxMessages);
        this.bytes = new Semaphore((int) maxBytes);
        this.policy = settings.bufferWhenFull();
        this.maxBlockNanos = settings.maxBlock().toNanos();
    }

    /**
     * Takes room for one message of {@code size} bytes, waiting up to max-block under the block policy.
     *
     * @throws MessagingException {@link Reason#BUFFER_FULL} when there is no room in time
     */
    void acquire(int size) {
        try {
            if (policy == BufferFullPolicy.FAIL) {
                if (!messages.tryAcquire()) {
                    throw full("messages", maxMessages);
                }
                if (!bytes.tryAcquire(size)) {
                    messages.release();
                    throw full("bytes", maxBytes);
                }
                return;
            }
            long start = System.nanoTime();
            if (!messages.tryAcquire(maxBlockNanos, TimeUnit.NANOSECONDS)) {
                throw full("messages", maxMessages);
            }
            long left = maxBlockNanos - (System.nanoTime() - start);
            if (!bytes.tryAcquire(size, Math.max(0, left), TimeUnit.NANOSECONDS)) {
                messages.release();
                throw full("bytes", maxBytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException(Reason.BUFFER_FULL, "interrupted while waiting for room in the producer's buffer; the message was not accepted", e);
        }
    }

    void release(int size) {
        bytes.release(size);
        messages.release();
    }

    /** Lets every sender waiting for room go now (they find the producer closed). */
    void wakeAll() {
        // a whole buffer's worth (never past int range): each woken sender finds the producer closed and gives
        // its permits back, so the next one gets through too
        messages.release(Math.min(maxMessages, Integer.MAX_VALUE - messages.availablePermits()));
        bytes.release((int) Math.min(maxBytes, Integer.MAX_VALUE - (long) bytes.availablePermits()));
    }

    private MessagingException full(String what, long limit) {
        String setting = what.equals("messages") ? ProducerSettings.BUFFER_MAX_MESSAGES : ProducerSettings.BUFFER_MAX_BYTES;
        String waited = policy == BufferFullPolicy.FAIL ? "at once (" + ProducerSettings.BUFFER_WHEN_FULL + "=fail)"
                : "after waiting " + Duration.ofNanos(maxBlockNanos) + " (" + ProducerSettings.MAX_BLOCK + ")";
        return new MessagingException(Reason.BUFFER_FULL, "the producer's buffer is full (" + setting + "=" + limit
                + " unacknowledged " + what + "); the message was not accepted " + waited
                + ". Slow down, raise " + setting + ", or check that the broker is reachable");
    }
}
