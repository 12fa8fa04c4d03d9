package io.switchboard.core;

import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Receipt;
import io.switchboard.SendObserver;
import io.switchboard.spi.OutboundRecord;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One accepted message from acceptance to outcome. Finishing is exactly-once whatever races: a backend
 * answer, the deadline sweeper and close may all try; the first wins and releases the buffer permits.
 */
final class PendingSend {
    final Message<?> message;
    final int size;
    final long deadlineNanos;
    final CompletableFuture<Receipt> future = new CompletableFuture<>();
    final List<SendObserver> observers;
    /** True for dead-letter copies: no user future waits on them, but close and flush do. */
    final boolean internal;

    volatile OutboundRecord record;
    /** Whether the record is with the backend now, so that a failure without an answer means "maybe written". */
    volatile boolean handed;
    /** Set before the future succeeds, so close can tell delivered from abandoned. */
    volatile boolean acknowledged;
    int attempts;
    /** Runs once when the send finishes, e.g. to let the next message of the same key go. */
    volatile Runnable onFinish;

    private final AtomicBoolean finished = new AtomicBoolean();

    PendingSend(Message<?> message, OutboundRecord record, int size, List<SendObserver> observers, boolean internal) {
        this.message = message;
        this.record = record;
        this.size = size;
        this.deadlineNanos = record.deadlineNanos();
        this.observers = observers;
        this.internal = internal;
    }

    /** Claims the right to finish this send; true for exactly one caller. */
    boolean claimFinish() {
        return finished.compareAndSet(false, true);
    }

    boolean isFinished() {
        return finished.get();
    }

    void notifyAcknowledged(Receipt receipt) {
        for (SendObserver observer : observers) {
            try {
                observer.onAcknowledged(receipt);
            } catch (RuntimeException e) {
                Log.observerFailed(e);
            }
        }
    }

    void notifyFailed(MessagingException error) {
        notifyFailed(observers, error);
    }

    static void notifyFailed(List<SendObserver> observers, MessagingException error) {
        for (SendObserver observer : observers) {
            try {
                observer.onFailed(error);
            } catch (RuntimeException e) {
                Log.observerFailed(e);
            }
        }
    }
}
