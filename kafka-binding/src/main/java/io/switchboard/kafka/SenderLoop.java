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
package io.switchboard.kafka;

import io.switchboard.MessagingException;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.InterruptException;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The binding's one sender thread per producer. Kafka's {@code send} can block: on metadata for a topic it has not
 * seen ({@code max.block.ms}, the well-known hang when the broker is down) and on a full buffer. So callers only
 * queue records (lock-free) and this thread hands them to Kafka in the order they were queued, which keeps each
 * key's order.
 *
 * <p>Nothing waits past a record's deadline: a watchdog ({@link #expireOverdue}) fails queued records whose time
 * is up, and interrupts a {@code send} still blocked at its record's deadline; Kafka then throws before appending,
 * so those records are truthfully {@link Reason#TIMEOUT}: never written. Records of a topic Kafka has just reported
 * missing, queued before that report, fail {@link Reason#NOT_FOUND} without another metadata wait each.
 */
final class SenderLoop {
    private static final Object STOP = new Object();
    /** How long a close waits for the thread after interrupting it (package-private: tests bound close with it). */
    static final long ABANDON_JOIN_MILLIS = 1_000;

    /** A flush request: reached by the thread once every record queued before it has been handed to Kafka. */
    private record FlushMark(CompletableFuture<Void> done) {
    }

    private final Producer<byte[], byte[]> producer;
    private final FailureJudge judge;
    private final Flusher flusher;
    private final long marginNanos;
    private final String clientId;
    private final LinkedTransferQueue<Object> queue = new LinkedTransferQueue<>();
    private final Thread thread;
    /** Guards {@link #sending}, {@link #interruptReason} and {@link #gaveUp}, so an interrupt only lands inside send. */
    private final Object handoff = new Object();
    private PendingRecord sending;
    private Reason interruptReason;
    /** Set when a close ran out of time: nothing more goes to Kafka. Guarded by {@link #handoff}. */
    private boolean gaveUp;
    private volatile boolean finished;
    /** Records queued and not yet out of the binding's hands: handed to Kafka, or abandoned. */
    private final AtomicInteger unhanded = new AtomicInteger();
    /** Topics Kafka reported missing, with when; touched by this thread only. */
    private final Map<String, Long> missingTopics = new HashMap<>();

    SenderLoop(Producer<byte[], byte[]> producer, FailureJudge judge, Flusher flusher, long marginNanos, String clientId) {
        this.producer = producer;
        this.judge = judge;
        this.flusher = flusher;
        this.marginNanos = marginNanos;
        this.clientId = clientId;
        this.thread = new Thread(this::run, "switchboard-kafka-sender-" + clientId);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Whether every record queued so far is out of the binding's hands (with Kafka, or failed): then a record
     * handed to Kafka now, on any thread, cannot overtake one queued before it.
     */
    boolean idle() {
        return unhanded.get() == 0;
    }

    /** Queues a record; never blocks. */
    void submit(PendingRecord record) {
        record.enqueuedNanos = System.nanoTime();
        unhanded.incrementAndGet();
        queue.offer(record);
        if (finished) {
            // the loop ended (close) between the caller's check and the offer: nobody else will see this record
            failQueued(closed());
        }
    }

    /** Queues a flush behind every record queued so far; completes once Kafka's flush of them returned. */
    CompletableFuture<Void> flushMark() {
        FlushMark mark = new FlushMark(new CompletableFuture<>());
        queue.offer(mark);
        if (finished) {
            failQueued(closed());
        }
        return mark.done;
    }

    /**
     * Hands everything queued so far to Kafka, then ends the thread; at {@code deadlineNanos} gives up: interrupts a
     * blocked {@code send} and fails what is still queued with {@link Reason#CLOSED}, truthfully, since Kafka never
     * had those records.
     */
    void finish(long deadlineNanos) {
        queue.offer(STOP);
        join(Math.max(0, deadlineNanos - System.nanoTime()));
        if (!thread.isAlive()) {
            return;
        }
        synchronized (handoff) {
            // from now on nothing more is handed to Kafka, so the thread cannot block again in another send
            gaveUp = true;
            if (sending != null) {
                interruptReason = Reason.CLOSED;
                thread.interrupt();
            }
        }
        failQueued(closed());
        queue.offer(STOP);   // failQueued may have taken the first one
        join(TimeUnit.MILLISECONDS.toNanos(ABANDON_JOIN_MILLIS));
    }

    /** The watchdog's tick: fails overdue queued records and interrupts an overdue blocked send. */
    void expireOverdue(long tickNanos) {
        long now = System.nanoTime();
        // the queue is worth a look only when its head has waited longer than a tick (the thread is stuck or
        // behind); otherwise every record is checked anyway when the thread takes it
        Object head = queue.peek();
        if (head != null && !(head instanceof PendingRecord first && now - first.enqueuedNanos < tickNanos)) {
            for (Iterator<Object> it = queue.iterator(); it.hasNext(); ) {
                if (it.next() instanceof PendingRecord record && record.overdue(now, marginNanos)) {
                    abandon(record, notHandedInTime(record));
                    it.remove();
                }
            }
        }
        synchronized (handoff) {
            if (sending != null && interruptReason == null && sending.overdue(now, marginNanos)) {
                interruptReason = Reason.TIMEOUT;
                thread.interrupt();
            }
        }
    }

    private void run() {
        try {
            while (true) {
                Object next = queue.take();
                if (next == STOP) {
                    return;
                }
                if (next instanceof FlushMark mark) {
                    flusher.flush().whenComplete((ignored, error) -> mark.done.complete(null));
                } else {
                    handSafely((PendingRecord) next);
                }
            }
        } catch (InterruptedException e) {
            // only a close that gave up interrupts outside send, and it fails what is left itself
        } finally {
            finished = true;
            failQueued(closed());
        }
    }

    /** A defect in handing one record must not end the thread, and so every later send. */
    private void handSafely(PendingRecord record) {
        try {
            hand(record);
        } catch (RuntimeException e) {
            // the record may already be with Kafka, so nothing can be promised about it
            record.fail(new MessagingException(Reason.OUTCOME_UNKNOWN, "the kafka binding failed while"
                    + " handing the message to topic " + record.topic() + " to Kafka (" + e + "); it may have been"
                    + " written", e));
        }
    }

    private void hand(PendingRecord record) {
        String topic = record.topic();
        if (record.overdue(System.nanoTime(), marginNanos)) {
            abandon(record, notHandedInTime(record));
            return;
        }
        if (!missingTopics.isEmpty()) {
            Long missingSince = missingTopics.get(topic);
            if (missingSince != null && record.enqueuedNanos - missingSince <= 0 && abandon(record, missing(topic))) {
                return;
            }
        }
        synchronized (handoff) {
            if (gaveUp) {
                abandon(record, closed());
                return;
            }
            if (!record.claimForSend()) {
                return;
            }
            sending = record;
            interruptReason = null;
        }
        record.handing(judge.before(record.record));
        try {
            producer.send(record.nativeRecord, record);
        } catch (InterruptException e) {
            Reason why;
            synchronized (handoff) {
                why = interruptReason;
            }
            record.fail(why == Reason.CLOSED ? closed(topic, e) : interrupted(record, e));
        } catch (RuntimeException e) {
            record.fail(judge.notAppended(e, topic));
        } finally {
            record.handed();
            unhanded.decrementAndGet();
            synchronized (handoff) {
                sending = null;
                // an interrupt meant for this send must not hit the next wait of this thread
                Thread.interrupted();
            }
        }
        rememberMissing(topic, record.failure());
    }

    private void rememberMissing(String topic, Reason failure) {
        if (failure == Reason.NOT_FOUND) {
            missingTopics.put(topic, System.nanoTime());
        } else if (failure == null && !missingTopics.isEmpty()) {
            missingTopics.remove(topic);
        }
    }

    /** Fails a queued record Kafka has not got; true if this call failed it (then it is out of the binding's hands). */
    private boolean abandon(PendingRecord record, MessagingException error) {
        if (record.abandon(error)) {
            unhanded.decrementAndGet();
            return true;
        }
        return false;
    }

    private void failQueued(MessagingException error) {
        Object next;
        while ((next = queue.poll()) != null) {
            if (next instanceof PendingRecord record) {
                abandon(record, error);
            } else if (next instanceof FlushMark mark) {
                mark.done.complete(null);
            }
        }
    }

    private void join(long nanos) {
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private MessagingException notHandedInTime(PendingRecord record) {
        return new MessagingException(Reason.TIMEOUT, "the message to topic " + record.topic() + " was not written: it"
                + " was still waiting for the producer's sender thread at the delivery timeout ("
                + ProducerSettings.DELIVERY_TIMEOUT + "), behind a send that waited for metadata. Is the broker reachable?");
    }

    private MessagingException interrupted(PendingRecord record, InterruptException cause) {
        return new MessagingException(Reason.TIMEOUT, "the message to topic " + record.topic() + " was not written:"
                + " Kafka was still waiting for the topic's metadata at the delivery timeout ("
                + ProducerSettings.DELIVERY_TIMEOUT + "). Is the broker reachable?", cause);
    }

    private MessagingException missing(String topic) {
        return new MessagingException(Reason.NOT_FOUND, "topic " + topic + " does not exist and the broker does not"
                + " create it (Kafka reported it missing while this message waited); the message was not written."
                + " Create the topic first");
    }

    private MessagingException closed(String topic, Throwable cause) {
        return new MessagingException(Reason.CLOSED, "the producer closed while the message to topic " + topic
                + " was being handed to Kafka; it was not written", cause);
    }

    private MessagingException closed() {
        return new MessagingException(Reason.CLOSED, "the producer " + clientId + " closed before the message was"
                + " handed to Kafka; it was not written");
    }

    @Override
    public String toString() {
        return "SenderLoop[" + clientId + ", queued=" + queue.size() + "]";
    }
}
