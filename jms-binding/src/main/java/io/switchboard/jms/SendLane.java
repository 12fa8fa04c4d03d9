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
package io.switchboard.jms;

import io.switchboard.Destination;
import io.switchboard.MessagingException;
import io.switchboard.Reason;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One JMS session and its producer, owned by one thread of the binding, sending its queue of records one at a time
 * with synchronous sends. JMS sessions are single-threaded and ActiveMQ Classic has no truly asynchronous send, so
 * this is how the binding sends without blocking callers: a caller only enqueues; a record's future completes when
 * the provider's {@code send} returned, that is when the broker acknowledged it (for persistent messages).
 *
 * <p>Records of one key always go to the same lane, so they are sent in the order they were handed over. While
 * there is no session (the broker is unreachable), the lane keeps trying, with the connection keeper's backoff,
 * until the head record's deadline is near; that record then fails {@link Reason#UNAVAILABLE} (it was never sent).
 * Records queued behind a lane that waits are failed by the {@link ExpiryWatch} near their deadline, as
 * {@link Reason#TIMEOUT} or {@code UNAVAILABLE}; a record whose send is under way is left to it, and to the
 * producer's delivery timeout ({@link Reason#OUTCOME_UNKNOWN}) if the provider never returns.
 */
final class SendLane implements Runnable {
    /** How often an idle lane looks whether it should stop. */
    private static final long IDLE_POLL_MILLIS = 200;
    /** Queued by {@link #stopWhenDrained()}: the lane ends when it gets there. */
    private static final PendingRecord STOP = new PendingRecord(null, new String[0], new String[0]);

    private final ConnectionKeeper keeper;
    private final JmsFailures failures;
    private final int deliveryMode;
    /**
     * Records this close to their deadline are failed as not written instead of being started: the SPI's
     * {@link io.switchboard.spi.DeadlineMargin} of the delivery timeout, so that the truth (TIMEOUT, UNAVAILABLE)
     * arrives before the producer's own deadline would say OUTCOME_UNKNOWN, even on a loaded machine.
     */
    private final long marginNanos;
    private final LinkedBlockingQueue<PendingRecord> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger load = new AtomicInteger();
    private final CountDownLatch exited = new CountDownLatch(1);
    private final Thread thread;
    private final DestinationCache destinations = new DestinationCache();
    private volatile PendingRecord current;
    private volatile boolean stopping;
    /** Why the lane has no session, while it has none; read by the expiry watch to say why records expired. */
    private volatile MessagingException connectFailure;

    // the lane thread's own
    private ConnectionKeeper.Link link;
    private Session session;
    private MessageProducer producer;

    SendLane(String threadName, ConnectionKeeper keeper, JmsFailures failures, int deliveryMode, long marginNanos) {
        this.keeper = keeper;
        this.failures = failures;
        this.deliveryMode = deliveryMode;
        this.marginNanos = marginNanos;
        this.thread = new Thread(this, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues a record; never blocks. */
    void submit(PendingRecord record) {
        load.incrementAndGet();
        queue.add(record);
    }

    /** The records queued or in progress, to place unkeyed records on the least busy lane. */
    int load() {
        return load.get();
    }

    @Override
    public void run() {
        try {
            while (true) {
                PendingRecord next = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (next == STOP || (next == null && stopping)) {
                    return;
                }
                if (next == null) {
                    continue;
                }
                current = next;
                try {
                    handle(next);
                } catch (RuntimeException | LinkageError e) {
                    // a defective provider must not end the lane and strand every record queued behind this one
                    lastResort(next, e);
                } finally {
                    current = null;
                    load.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exited.countDown();
        }
    }

    private void handle(PendingRecord pending) throws InterruptedException {
        while (pending.isWaiting()) {
            if (pending.dueAt(System.nanoTime(), marginNanos)) {
                pending.failIfWaiting(expired(pending));
                return;
            }
            if (hasSession(pending) && attempt(pending)) {
                return;
            }
        }
    }

    /** Makes sure the lane has a session on a connection the provider has not reported lost. */
    private boolean hasSession(PendingRecord pending) throws InterruptedException {
        if (session != null && !link.isLost()) {
            return true;
        }
        dropSession();
        ConnectionKeeper.Link next = keeper.usable();
        if (next == null) {
            try {
                next = keeper.connect(pending.record.deadlineNanos() - marginNanos);
            } catch (ConnectionKeeper.NotConnected e) {
                return cannotConnect(pending, e.failure, e.retryAtNanos);
            }
        }
        Session opened = null;
        try {
            opened = next.connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            // one anonymous producer for every destination: permissions are then checked per send, by the broker
            producer = opened.createProducer(null);
            session = opened;
            link = next;
            destinations.clear();
            connectFailure = null;
            return true;
        } catch (JMSException | RuntimeException e) {
            Closer.closeLater(opened, "session");
            MessagingException failure = failures.connecting(e);
            if (failure.isRetryable()) {
                // a connection that cannot open a session is of no use any more
                keeper.markLost(next, "it could not open a session: " + failure.getMessage());
            }
            return cannotConnect(pending, failure, System.nanoTime() + ConnectionKeeper.FIRST_BACKOFF_NANOS);
        }
    }

    private boolean cannotConnect(PendingRecord pending, MessagingException failure, long retryAtNanos)
            throws InterruptedException {
        if (!failure.isRetryable()) {
            // refused credentials and the like: waiting would not help
            pending.failIfWaiting(failure);
            return false;
        }
        connectFailure = failure;
        pauseUntil(pending, retryAtNanos);
        return false;
    }

    /**
     * Sends the record if the lane can still claim it. Returns false when the session turned out closed before
     * anything was sent, so that the record is tried again on a new session.
     */
    private boolean attempt(PendingRecord pending) throws InterruptedException {
        Destination target = pending.record.destination();
        jakarta.jms.Destination resolved;
        BytesMessage message;
        try {
            resolved = destinations.resolve(session, target);
            message = JmsMessages.write(session, pending);
        } catch (jakarta.jms.IllegalStateException e) {
            // the session was closed under the lane (its connection was lost): nothing was sent
            dropSession();
            pauseUntil(pending, System.nanoTime() + ConnectionKeeper.FIRST_BACKOFF_NANOS);
            return false;
        } catch (JMSException | RuntimeException e) {
            pending.failIfWaiting(failures.beforeSending(e, target));
            return true;
        }
        if (!pending.claimForSending()) {
            return true;
        }
        try {
            producer.send(resolved, message, deliveryMode, JmsMessages.priority(pending.record),
                    JmsMessages.timeToLive(pending.record));
        } catch (JMSException | RuntimeException e) {
            MessagingException failure = failures.sending(e, target, Thread.currentThread().isInterrupted());
            if (failure.reason() == Reason.UNAVAILABLE || failure.reason() == Reason.OUTCOME_UNKNOWN) {
                // the session may be unusable after a failure the provider did not explain; a new one is cheap
                dropSession();
            }
            pending.future.completeExceptionally(failure);
            return true;
        }
        pending.future.complete(JmsMessages.receipt(pending.record, message));
        return true;
    }

    /** Waits until {@code atNanos}, but not past the point where the record must be failed, nor past a close. */
    private void pauseUntil(PendingRecord pending, long atNanos) throws InterruptedException {
        long until = Math.min(atNanos, pending.record.deadlineNanos() - marginNanos);
        long wait = until - System.nanoTime();
        if (wait > 0 && pending.isWaiting()) {
            LockSupport.parkNanos(this, wait);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /** Forgets the session; closes it in the background unless its connection is being closed anyway. */
    private void dropSession() {
        if (session != null && !link.isLost()) {
            Closer.closeLater(session, "session");
        }
        session = null;
        producer = null;
        link = null;
        destinations.clear();
    }

    /** Why a record that was never sent expired: the broker was unreachable, or the lane was busy. */
    private MessagingException expired(PendingRecord pending) {
        MessagingException unreachable = connectFailure;
        String to = JmsFailures.describe(pending.record.destination());
        if (unreachable != null) {
            return new MessagingException(Reason.UNAVAILABLE, "no connection to the JMS broker until the delivery"
                    + " timeout; the message to " + to + " was not sent (last failure: " + unreachable.getMessage() + ")",
                    unreachable.getCause());
        }
        return new MessagingException(Reason.TIMEOUT, "the message to " + to + " waited for its JMS session (busy with"
                + " earlier messages of its lane) until the delivery timeout and was not sent");
    }

    private void lastResort(PendingRecord pending, Throwable e) {
        dropSession();
        String to = JmsFailures.describe(pending.record.destination());
        if (pending.takeAway()) {
            pending.future.completeExceptionally(new MessagingException(Reason.UNAVAILABLE, "the JMS provider failed"
                    + " unexpectedly before the message to " + to + " was sent; it was not written: " + e, e));
        } else {
            // claimed for sending (or already finished, when this does nothing): it may have left the client
            pending.future.completeExceptionally(new MessagingException(Reason.OUTCOME_UNKNOWN, "the JMS provider"
                    + " failed unexpectedly while sending to " + to + "; the message may have been written: " + e, e));
        }
    }

    /**
     * Fails the records that are waiting and whose deadline is near; called by the {@link ExpiryWatch}, so that a
     * lane stuck in the provider does not keep the records behind it pending until the delivery timeout.
     */
    void expireDue(long nowNanos) {
        PendingRecord head = current;
        if (head != null && head.isWaiting() && head.dueAt(nowNanos, marginNanos)) {
            head.failIfWaiting(expired(head));
            // the lane may be pausing for this record; let it go on with the next one
            LockSupport.unpark(thread);
        }
        for (PendingRecord pending : queue) {
            if (pending == STOP || !pending.dueAt(nowNanos, marginNanos)) {
                // records behind it were accepted later (a retried record is expired by the lane when it gets there)
                return;
            }
            pending.failIfWaiting(expired(pending));
            if (queue.remove(pending)) {
                load.decrementAndGet();
            }
        }
    }

    /** Asks the lane to end once its queue is empty; it goes on sending until then. */
    void stopWhenDrained() {
        stopping = true;
        queue.add(STOP);
        LockSupport.unpark(thread);
    }

    /** Waits until the lane has ended or the deadline passed; returns whether it ended. */
    boolean awaitExit(long deadlineNanos) throws InterruptedException {
        return exited.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /**
     * Fails every record that was not started, with {@code error} (at close: {@link Reason#CLOSED}, known not
     * written). A record whose send is under way is left to the send.
     */
    void failWaiting(MessagingException error) {
        PendingRecord head = current;
        if (head != null) {
            head.failIfWaiting(error);
        }
        PendingRecord pending;
        while ((pending = queue.poll()) != null) {
            if (pending != STOP) {
                pending.failIfWaiting(error);
                load.decrementAndGet();
            }
        }
        LockSupport.unpark(thread);
    }

    /** Whether the lane's thread is working on a record (possibly held inside the provider). */
    boolean isBusy() {
        return current != null;
    }
}
