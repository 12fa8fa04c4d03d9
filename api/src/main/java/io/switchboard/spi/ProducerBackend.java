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
package io.switchboard.spi;

import io.switchboard.Destination;
import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.Receipt;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A binding's side of one producer. The core producer calls it after validation, serialization, partitioning
 * and flow control; the backend translates to its client and back.
 *
 * <p>The contract every backend keeps (the TCK checks each point against a real broker):
 * <ul>
 *   <li>{@link #send} never blocks the calling thread; records of one key sent from one thread are written in
 *       call order;</li>
 *   <li>a future succeeds only after the broker acknowledged the record at the configured guarantee, and fails
 *       with a {@link MessagingException} whose reason tells the truth: {@link Reason#OUTCOME_UNKNOWN} whenever
 *       the record may have been written, with the client's exception as cause;</li>
 *   <li>a record the backend still holds when its deadline ({@link OutboundRecord#deadlineNanos()}) is
 *       {@link DeadlineMargin} away is failed by the backend with what it knows (for example
 *       {@link Reason#TIMEOUT}: never sent); at the deadline the core fails what is left, and can only say
 *       {@link Reason#OUTCOME_UNKNOWN};</li>
 *   <li>a record is read only until its outcome is reported (the core lets go of its content then; see
 *       {@link OutboundRecord}): what the receipt needs, such as the destination, is read before;</li>
 *   <li>{@link #flush} and {@link #close} return within their bound.</li>
 * </ul>
 */
public interface ProducerBackend {

    /** Hands one record to the client; the future completes with the broker's answer. */
    CompletableFuture<Receipt> send(OutboundRecord record);

    /**
     * Hands one record to the client and reports the broker's answer to {@code outcome}: exactly once, with a
     * receipt or a failure (never both), from any thread, possibly before this method returns. The core producer
     * calls this form. The default adapts {@link #send(OutboundRecord)}; a binding on a hot path overrides it to
     * report straight from its client's callback, without a future per send.
     */
    default void send(OutboundRecord record, BiConsumer<? super Receipt, ? super Throwable> outcome) {
        CompletableFuture<Receipt> answer = send(record);
        if (answer == null) {
            throw new MessagingException(Reason.OUTCOME_UNKNOWN, "the binding returned no future for a send;"
                    + " the message may have been written");
        }
        answer.whenComplete(outcome);
    }

    /**
     * The future form of a send that answers a callback: for a binding that implements
     * {@link #send(OutboundRecord, BiConsumer)} and gives {@link #send(OutboundRecord)} as
     * {@code return ProducerBackend.asFuture(outcome -> send(record, outcome));}.
     */
    static CompletableFuture<Receipt> asFuture(Consumer<BiConsumer<? super Receipt, ? super Throwable>> send) {
        CompletableFuture<Receipt> answer = new CompletableFuture<>();
        send.accept((receipt, error) -> {
            if (error == null) {
                answer.complete(receipt);
            } else {
                answer.completeExceptionally(error);
            }
        });
        return answer;
    }

    /**
     * Sends whatever the client holds back for batching now and waits, at most {@code timeout}, for the
     * outcomes of records already handed over.
     */
    void flush(Duration timeout);

    /**
     * Stops, delivering what was handed over for at most {@code timeout}, then releases the client. Futures
     * still pending afterwards are failed by the core producer. Sends after close fail {@link Reason#CLOSED}.
     */
    void close(Duration timeout);

    /**
     * The number of partitions of a destination, for the producer's round-robin and custom partitioners. Must
     * not block the caller; may fetch metadata.
     */
    default CompletableFuture<Integer> partitionCount(Destination destination) {
        return CompletableFuture.failedFuture(new MessagingException(Reason.UNSUPPORTED,
                "this binding does not expose partitions"));
    }

    /**
     * Whether the client retries failed sends by itself until the delivery timeout (Kafka, Pulsar). When true
     * the core producer never retries on top, which would duplicate messages and break per-key order.
     */
    default boolean retriesInternally() {
        return true;
    }

    /** The native client object of the given type, if the binding has one. */
    default <T> Optional<T> unwrap(Class<T> type) {
        return Optional.empty();
    }
}
