package io.switchboard.core;

import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Receipt;
import io.switchboard.SendObserver;
import io.switchboard.spi.OutboundRecord;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One accepted message from acceptance to outcome. Its state moves QUEUED -> HANDED (with the backend) -> DONE,
 * and back from HANDED to QUEUED when the backend reports it surely not written. Finishing is one atomic step
 * that also tells from which state it finished, so a deadline or close can never report "not written" for a
 * record that a racing dispatch has just handed over.
 */
final class PendingSend {
    static final int QUEUED = 0;
    static final int HANDED = 1;
    static final int DONE = 2;

    final Message<?> message;
    final int size;
    final long deadlineNanos;
    /** The core's own future: what flush and close wait for; no caller can complete or cancel it. */
    final CompletableFuture<Receipt> future = new CompletableFuture<>();
    /** The caller's future, completed after {@link #future}; the caller's callbacks run on whatever completes it. */
    final CompletableFuture<Receipt> caller = new CompletableFuture<>();
    final List<SendObserver> observers;
    /** True for dead-letter copies: no user future waits on them, but close and flush do; they hold the original's permits. */
    final boolean internal;

    volatile OutboundRecord record;
    /** Set before the future succeeds, so close can tell delivered from abandoned. */
    volatile boolean acknowledged;
    volatile int attempts;
    /**
     * The deadline bucket holding this send (see {@link InFlight}), so that removing it needs no lookup.
     */
    volatile Set<PendingSend> home;
    /** Runs once when the send finishes, e.g. to let the next message of the same key go. */
    volatile Runnable onFinish;

    /** An updater rather than an AtomicInteger: one object less per send. */
    private static final AtomicIntegerFieldUpdater<PendingSend> STATE =
            AtomicIntegerFieldUpdater.newUpdater(PendingSend.class, "state");
    private volatile int state = QUEUED;

    PendingSend(Message<?> message, OutboundRecord record, int size, List<SendObserver> observers, boolean internal) {
        this.message = message;
        this.record = record;
        this.size = size;
        this.deadlineNanos = record.deadlineNanos();
        this.observers = observers;
        this.internal = internal;
    }

    /** Moves QUEUED to HANDED; false if the send finished meanwhile (then it must not be handed over). */
    boolean markHanded() {
        return STATE.compareAndSet(this, QUEUED, HANDED);
    }

    /** The backend said the record was surely not written: it is the core's again (for a retry or a deadline). */
    void markNotWritten() {
        STATE.compareAndSet(this, HANDED, QUEUED);
    }

    /** Claims the right to finish; returns the state it finished from, or -1 if it was already finished. */
    int claimFinish() {
        while (true) {
            int current = state;
            if (current == DONE) {
                return -1;
            }
            if (STATE.compareAndSet(this, current, DONE)) {
                return current;
            }
        }
    }

    boolean isFinished() {
        return state == DONE;
    }

    boolean isQueued() {
        return state == QUEUED;
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
