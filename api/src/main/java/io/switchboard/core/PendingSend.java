/*
 * Copyright 2026 The Switchboard authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.switchboard.core;

import io.switchboard.Destination;
import io.switchboard.Headers;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Receipt;
import io.switchboard.SendObserver;
import io.switchboard.spi.OutboundRecord;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * One accepted message from acceptance to outcome, the future its caller holds, and the record its backend is
 * handed: one object per send, so the hot path allocates no second future, no separate record, no bookkeeping
 * entry and no callback.
 *
 * <p>Its state moves QUEUED -> HANDED (with the backend) -> DONE or ACKNOWLEDGED, and back from HANDED to QUEUED when
 * the backend reports it surely not written. Finishing is one atomic step that also tells from which state it finished, so a
 * deadline or close can never report "not written" for a record that a racing dispatch has just handed over.
 *
 * <p>The state, not the future, is what the core decides by: a caller may complete, cancel or time out its
 * future as with any {@link CompletableFuture} (its own view), and flush and close still wait for the real
 * outcome. The backend reports to it as a {@link BiConsumer} ({@link #accept}), which the core set up through
 * {@link #onOutcome}.
 */
final class PendingSend extends CompletableFuture<Receipt> implements BiConsumer<Receipt, Throwable>, OutboundRecord {
    static final byte QUEUED = 0;
    static final byte HANDED = 1;
    /** Finished without an acknowledgement. */
    static final byte DONE = 2;
    /** Finished with the broker's acknowledgement: decided in the same atomic step as finishing. */
    static final byte ACKNOWLEDGED = 3;

    /** The observers of a dead-letter copy: none, and this very list tells that it is one (a field less). */
    static final List<SendObserver> INTERNAL = Collections.unmodifiableList(new ArrayList<>());

    /** Receives a backend's answers for the sends of one producer. */
    interface Outcomes {
        void answered(PendingSend send, Receipt receipt, Throwable error);
    }

    /**
     * The application's message, for the record's fields that it gives as they are; replaced by null once
     * acknowledged (see {@link #forgetContent}).
     */
    Message<?> message;
    /** The serialized value and the final headers; replaced by null once acknowledged, as the message is. */
    private byte[] value;
    private Headers headers;
    /**
     * The partition the producer chose, or -1. Written only before the send is handed over (partition placement),
     * on a thread the hand-over follows.
     */
    private int partition = -1;
    private final long deadlineNanos;
    /**
     * Walked by index, not with an iterator: the client's thread tells them of every acknowledgement, and an iterator
     * over the (usually empty) list is an allocation per send that the JIT does not always remove.
     */
    final List<SendObserver> observers;
    private final Outcomes outcomes;

    /**
     * Written by whichever thread dispatches the send, one at a time. A short, so that the object stays within 64
     * bytes; it stops counting at {@link Short#MAX_VALUE}, far beyond what a delivery timeout leaves time for.
     */
    private short attempts;
    /** The next send of the same deadline bucket (see {@link InFlight}); set before the send is published there. */
    PendingSend next;
    /** Runs once when the send finishes, e.g. to let the next message of the same key go. */
    volatile Runnable onFinish;

    /**
     * A byte rather than an AtomicInteger, one object less per send, and than an int, so that the whole send stays
     * within 64 bytes. QUEUED (0) to start with: the default, so no volatile write in the constructor.
     */
    private volatile byte state;

    /** The attempt handed over is still the client's: neither answered nor outlived by the send. */
    private static final byte IN_CLIENT = 1;
    /** The send finished (its deadline, close) while the client still held the attempt: its permits wait for it. */
    private static final byte PERMITS_WAIT_FOR_CLIENT = 2;
    /** The client answered the attempt (or none was handed over). */
    private static final byte CLIENT_ANSWERED = 0;
    private static final VarHandle CLIENT;
    private static final VarHandle STATE;

    static {
        try {
            CLIENT = MethodHandles.lookup().findVarHandle(PendingSend.class, "client", byte.class);
            STATE = MethodHandles.lookup().findVarHandle(PendingSend.class, "state", byte.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Whether the client still holds the latest attempt. A send can finish before the client lets go of it (the
     * core's deadline, close): its buffer permits then stay taken until the client answers, so that the buffer
     * counts every message the client still holds and the client's own queue, sized like the buffer, never
     * refuses one the buffer accepted. A byte, so that the object stays within 64 bytes.
     */
    private volatile byte client;

    /**
     * A send of {@code message} as {@code value} with {@code headers}, due by {@code deadlineNanos}. Its destination,
     * key, timestamp, delivery delay, time to live and priority are the message's.
     */
    PendingSend(Message<?> message, byte[] value, Headers headers, long deadlineNanos, List<SendObserver> observers,
                Outcomes outcomes) {
        this.message = message;
        this.value = value;
        this.headers = headers;
        this.deadlineNanos = deadlineNanos;
        this.observers = observers;
        this.outcomes = outcomes;
    }

    /**
     * Lets go of the message and the record once the send is acknowledged, on the thread that acknowledged it:
     * nothing reads them after that, and the deadline bucket that still links the send for a few more
     * milliseconds then keeps only the send and its receipt reachable, not the application's value.
     */
    void forgetContent() {
        message = null;
        value = null;
        headers = null;
    }

    /**
     * The bytes this send holds in the buffer: its value's. Read only while the content is kept: an acknowledged
     * send gives its permits back before {@link #forgetContent}, and only a send finished without one can wait
     * for its client to let go.
     */
    int size() {
        return value.length;
    }

    /** True for dead-letter copies: no user future waits on them, but close and flush do; they hold the original's permits. */
    boolean isInternal() {
        return observers == INTERNAL;
    }

    /** How many times the send was handed over. */
    int attempts() {
        return attempts;
    }

    /** Counts one more hand-over, before it happens. */
    void countAttempt() {
        if (attempts < Short.MAX_VALUE) {
            attempts++;
        }
    }

    /** Places the send on {@code chosen}, before it is handed over. */
    void placeOn(int chosen) {
        partition = chosen;
    }

    private Message<?> content() {
        Message<?> current = message;
        if (current == null) {
            throw new IllegalStateException("the record of a send was read after its acknowledgement was reported;"
                    + " a binding reads what it needs before reporting the outcome (see OutboundRecord)");
        }
        return current;
    }

    @Override
    public Destination destination() {
        return content().destination();
    }

    @Override
    public String key() {
        return content().key();
    }

    @Override
    public byte[] value() {
        content();
        return value;
    }

    @Override
    public Headers headers() {
        content();
        return headers;
    }

    @Override
    public Instant timestamp() {
        return content().timestamp();
    }

    @Override
    public int partition() {
        return partition;
    }

    @Override
    public Duration deliveryDelay() {
        return content().deliveryDelay();
    }

    @Override
    public Duration timeToLive() {
        return content().timeToLive();
    }

    @Override
    public Integer priority() {
        return content().priority();
    }

    @Override
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** The backend's answer for the attempt it was handed. */
    @Override
    public void accept(Receipt receipt, Throwable error) {
        outcomes.answered(this, receipt, error);
    }

    /** Marks the attempt about to be handed over as the client's until it answers. */
    void handingToClient() {
        // a release store: the hand-over's compare-and-set that follows orders it for any finisher
        CLIENT.setRelease(this, IN_CLIENT);
    }

    /**
     * The client answered the attempt it held; true if the send had finished meanwhile with its permits kept for
     * the client, which are now to be released (once: only one of this and {@link #keepPermitsForClient} wins).
     * Not needed when the answer itself finishes the send as acknowledged: then no other finisher can keep them.
     */
    boolean clientLetGo() {
        return (byte) CLIENT.getAndSet(this, CLIENT_ANSWERED) == PERMITS_WAIT_FOR_CLIENT;
    }

    /** The send finished: true if the client still holds its attempt, so its permits must wait for the answer. */
    boolean keepPermitsForClient() {
        return CLIENT.compareAndSet(this, IN_CLIENT, PERMITS_WAIT_FOR_CLIENT);
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
        return claim(DONE);
    }

    /** Claims the right to finish as acknowledged; returns as {@link #claimFinish()}. */
    int claimAcknowledged() {
        return claim(ACKNOWLEDGED);
    }

    private int claim(byte finished) {
        while (true) {
            byte current = state;
            if (current >= DONE) {
                return -1;
            }
            if (STATE.compareAndSet(this, current, finished)) {
                return current;
            }
        }
    }

    boolean isFinished() {
        return state >= DONE;
    }

    /** Whether it finished with the broker's acknowledgement (so close can tell delivered from abandoned). */
    boolean isAcknowledged() {
        return state == ACKNOWLEDGED;
    }

    /** Finished, and its future done: what flush and close wait for, so no caller finds its future pending after. */
    boolean isSettled() {
        return state >= DONE && isDone();
    }

    boolean isQueued() {
        return state == QUEUED;
    }

    /** Completes the caller's future with the outcome the core decided. */
    void succeeded(Receipt receipt) {
        super.complete(receipt);
    }

    /** Fails the caller's future with the outcome the core decided. */
    void failed(MessagingException error) {
        super.completeExceptionally(error);
    }

    /** Dependants of the caller's future are plain futures, which know nothing of the send. */
    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }

    void notifyAcknowledged(Receipt receipt) {
        for (int i = 0; i < observers.size(); i++) {
            SendObserver observer = observers.get(i);
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
        for (int i = 0; i < observers.size(); i++) {
            SendObserver observer = observers.get(i);
            try {
                observer.onFailed(error);
            } catch (RuntimeException e) {
                Log.observerFailed(e);
            }
        }
    }

    void notifyRetry(int attempt, MessagingException cause) {
        for (int i = 0; i < observers.size(); i++) {
            SendObserver observer = observers.get(i);
            try {
                observer.onRetry(attempt, cause);
            } catch (RuntimeException e) {
                Log.observerFailed(e);
            }
        }
    }

    void notifyDeadLettered(Destination deadLetter) {
        for (int i = 0; i < observers.size(); i++) {
            SendObserver observer = observers.get(i);
            try {
                observer.onDeadLettered(deadLetter);
            } catch (RuntimeException e) {
                Log.observerFailed(e);
            }
        }
    }

    @Override
    public String toString() {
        Message<?> current = message;
        return "PendingSend[" + (current == null ? "acknowledged" : current.destination()) + ", state=" + state + ", "
                + super.toString() + "]";
    }
}
