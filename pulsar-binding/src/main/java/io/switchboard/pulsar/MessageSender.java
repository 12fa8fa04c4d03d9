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
import io.switchboard.Reason;
import io.switchboard.spi.OutboundRecord;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.TypedMessageBuilder;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Hands one record to a native producer; Pulsar's answer goes to the record's {@link PendingMessage}. The mapping: key to the
 * message key (Pulsar routes by it), headers to message properties under the same names, timestamp to the event
 * time, delivery delay to {@code deliverAfter}; the value bytes go as they are.
 */
final class MessageSender {
    private final PulsarFailures failures;

    MessageSender(PulsarFailures failures) {
        this.failures = failures;
    }

    /**
     * Sends {@code record} through {@code producer}; never blocks, never throws.
     *
     * @param partitionedTopic whether the destination is a partitioned topic, for the receipt
     */
    void send(Producer<byte[]> producer, Target target, boolean partitionedTopic, PendingMessage pending) {
        OutboundRecord record = pending.record;
        TypedMessageBuilder<byte[]> message;
        try {
            message = translate(producer, record);
        } catch (IllegalArgumentException | ArithmeticException e) {
            pending.fail(new MessagingException(Reason.INVALID_ARGUMENT, "the message to " + target
                    + " cannot go to Pulsar as it is: " + e.getMessage() + "; nothing was sent", e));
            return;
        } catch (RuntimeException e) {
            pending.fail(new MessagingException(Reason.INTERNAL, "Pulsar's client failed to build the"
                    + " message to " + target + " (" + e + "); nothing was sent", e));
            return;
        }
        SendWitness witness = SendWitness.before(producer);
        pending.handing(failures, target, partitionedTopic, witness);
        CompletableFuture<MessageId> sent;
        try {
            sent = message.sendAsync();
        } catch (RuntimeException e) {
            pending.fail(failures.send(target, e, true, witness));
            return;
        }
        // Pulsar completes a send during the call only when it refuses the record before any I/O.
        pending.answeredAtOnce(sent.isDone());
        sent.whenComplete(pending);
    }

    private static TypedMessageBuilder<byte[]> translate(Producer<byte[]> producer, OutboundRecord record) {
        TypedMessageBuilder<byte[]> message = producer.newMessage().value(record.value());
        if (record.key() != null) {
            message.key(record.key());
        }
        if (!record.headers().isEmpty()) {
            record.headers().forEach(message::property);
        }
        if (record.timestamp() != null) {
            long eventTime = record.timestamp().toEpochMilli();
            if (eventTime <= 0) {
                // Pulsar reads an event time of 0 as "none"; earlier ones are not event times to its tools
                throw new IllegalArgumentException("its timestamp " + record.timestamp() + " is not after"
                        + " 1970-01-01T00:00:00Z, and Pulsar's event time must be");
            }
            message.eventTime(eventTime);
        }
        if (record.deliveryDelay() != null) {
            message.deliverAfter(record.deliveryDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
        return message;
    }
}
