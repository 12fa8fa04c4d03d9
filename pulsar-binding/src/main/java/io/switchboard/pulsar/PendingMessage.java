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
package io.switchboard.pulsar;

import io.switchboard.MessagingException;
import io.switchboard.Receipt;
import io.switchboard.spi.OutboundRecord;
import org.apache.pulsar.client.api.MessageId;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.BiConsumer;

/**
 * One record on its way through the binding, and Pulsar's callback for it: it waits for its destination's producer
 * or is handed over at once, and its outcome goes to the core's callback exactly once, after its destination's
 * producer has counted it finished. One object per record, so the send path builds no future of its own.
 */
final class PendingMessage implements BiConsumer<MessageId, Throwable> {
    private static final AtomicIntegerFieldUpdater<PendingMessage> ANSWERED =
            AtomicIntegerFieldUpdater.newUpdater(PendingMessage.class, "answered");

    final OutboundRecord record;
    private final BiConsumer<? super Receipt, ? super Throwable> outcome;
    /** Its destination's producer, which counts it until it finishes. */
    private final TopicProducer producer;
    private volatile int answered;
    // set by the thread that hands the record to Pulsar, before Pulsar can call back
    private PulsarFailures failures;
    private Target target;
    private boolean partitionedTopic;
    private SendWitness witness;
    private boolean immediate;

    /** @param producer the destination's producer, told when the record finishes, before its outcome is reported */
    PendingMessage(OutboundRecord record, BiConsumer<? super Receipt, ? super Throwable> outcome, TopicProducer producer) {
        this.record = record;
        this.outcome = outcome;
        this.producer = producer;
    }

    /** Whether the outcome has been reported (a waiting record may have failed on its deadline meanwhile). */
    boolean isAnswered() {
        return answered != 0;
    }

    /** Notes what a failure of the record handed over now will be judged by. */
    void handing(PulsarFailures failures, Target target, boolean partitionedTopic, SendWitness witness) {
        this.failures = failures;
        this.target = target;
        this.partitionedTopic = partitionedTopic;
        this.witness = witness;
    }

    /** Notes that Pulsar answered within the send call itself: it refused the record before any I/O. */
    void answeredAtOnce(boolean atOnce) {
        this.immediate = atOnce;
    }

    /** Pulsar's answer for the record handed over. */
    @Override
    public void accept(MessageId id, Throwable error) {
        if (error == null) {
            succeed(Receipts.of(record.destination(), target.partition(), partitionedTopic, id));
        } else {
            fail(failures.send(target, error, immediate, witness));
        }
    }

    /**
     * Pulsar acknowledged it: reported straight on, writing nothing here. Pulsar answers once, only for a record it
     * was handed, and a record that failed before (a deadline, a close, a producer that could not open) never is.
     */
    private void succeed(Receipt receipt) {
        producer.release();
        outcome.accept(receipt, null);
    }

    /** Fails it; the first failure counts. */
    void fail(MessagingException error) {
        if (ANSWERED.compareAndSet(this, 0, 1)) {
            producer.release();
            outcome.accept(null, error);
        }
    }
}
