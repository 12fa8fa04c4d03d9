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
package io.switchboard;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sends messages to one broker through one binding. Thread-safe; create one per application and share it.
 *
 * <p>Every outcome is reported one way: {@link #sendAsync} never throws and always returns a future that
 * completes within the delivery timeout ({@code switchboard.delivery-timeout}); {@link #send} throws the same
 * {@link MessagingException} the future would have failed with. A future succeeds only after the broker
 * acknowledged the message at the configured {@link DeliveryGuarantee}.
 *
 * @param <V> the value type, turned into bytes by the producer's {@link Serializer}
 */
public interface Producer<V> extends AutoCloseable {

    /**
     * Sends a message without waiting for the broker. The call waits only for room in the producer's buffer,
     * at most {@code switchboard.max-block}, or not at all with {@code switchboard.buffer.when-full=fail}.
     *
     * <p>The future is the caller's view: completing, cancelling or timing it out ({@code orTimeout}) changes
     * what the caller sees, never the send itself, which flush and close still wait for and account for.
     *
     * @return a future with the broker's receipt, or failed with a {@link MessagingException}
     */
    CompletableFuture<Receipt> sendAsync(Message<? extends V> message);

    /**
     * Sends a message and waits for the broker's acknowledgement.
     *
     * @throws MessagingException when the message was not acknowledged; its {@link MessagingException#reason()}
     *                            tells whether it may have been written
     */
    Receipt send(Message<? extends V> message);

    /**
     * Asks the client to send what it holds now and waits, at most {@code timeout}, until every message accepted
     * before this call is acknowledged or failed.
     *
     * @return how many of those messages were still unfinished when the time ran out
     */
    FlushResult flush(Duration timeout);

    /**
     * Stops accepting messages, waits at most {@code timeout} for the accepted ones, then fails those still
     * unfinished ({@link Reason#OUTCOME_UNKNOWN} if they were handed to the broker, {@link Reason#CLOSED} if
     * not) and releases the client. Never returns while a future of this producer is still pending.
     * Idempotent: later calls return the first close's result; a call made while another thread is still closing
     * waits for it up to its own timeout and fails {@link Reason#TIMEOUT} if that close has not finished.
     *
     * <p>Futures complete on the thread that learnt the outcome (the client's I/O thread, or the producer's
     * deadline thread at the delivery timeout): callbacks must not block; move blocking work to an executor
     * with {@code thenApplyAsync} and the like, as with any client's callbacks.
     */
    CloseResult close(Duration timeout);

    /** Closes with the configured {@code switchboard.close-timeout}. */
    @Override
    void close();

    /** The optional features this producer's binding offers. */
    Set<Capability> capabilities();

    /** The name of the binding behind this producer ("kafka", "pulsar", "jms", "memory", ...). */
    String binding();

    /**
     * The binding's native client (e.g. {@code KafkaProducer}, {@code PulsarClient}, a JMS
     * {@code ConnectionFactory}) as {@code type}.
     *
     * @throws MessagingException {@link Reason#UNSUPPORTED} if the binding has nothing of that type
     */
    <T> T unwrap(Class<T> type);
}
