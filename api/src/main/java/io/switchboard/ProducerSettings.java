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
import java.util.List;
import java.util.Map;

/**
 * The neutral settings of a producer, read from the {@code switchboard.*} keys. Every binding honours them;
 * a binding's own keys go under its prefix ({@code kafka.*}, {@code pulsar.*}, {@code jms.*}) and are passed
 * to its client as they are.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>values</th><th>default</th></tr>
 *   <tr><td>{@value #BINDING}</td><td>a binding name</td><td>the only binding on the class path</td></tr>
 *   <tr><td>{@value #CLIENT_ID}</td><td>text</td><td>switchboard-N</td></tr>
 *   <tr><td>{@value #GUARANTEE}</td><td>at-most-once, at-least-once, effectively-once</td><td>at-least-once</td></tr>
 *   <tr><td>{@value #DELIVERY_TIMEOUT}</td><td>duration (500ms, 30s, 2m, PT30S)</td><td>30s</td></tr>
 *   <tr><td>{@value #MAX_BLOCK}</td><td>duration</td><td>5s</td></tr>
 *   <tr><td>{@value #BUFFER_WHEN_FULL}</td><td>block, fail</td><td>block</td></tr>
 *   <tr><td>{@value #BUFFER_MAX_MESSAGES}</td><td>1 or more</td><td>10000</td></tr>
 *   <tr><td>{@value #BUFFER_MAX_BYTES}</td><td>size (64MiB, 1048576)</td><td>64MiB</td></tr>
 *   <tr><td>{@value #MAX_MESSAGE_SIZE}</td><td>size</td><td>1MiB</td></tr>
 *   <tr><td>{@value #LINGER}</td><td>duration</td><td>the client's default</td></tr>
 *   <tr><td>{@value #BATCH_MAX_BYTES}</td><td>size</td><td>the client's default</td></tr>
 *   <tr><td>{@value #COMPRESSION}</td><td>none, gzip, snappy, lz4, zstd</td><td>none</td></tr>
 *   <tr><td>{@value #PARTITIONER}</td><td>native, round-robin</td><td>native</td></tr>
 *   <tr><td>{@value #RETRY_MAX_ATTEMPTS}</td><td>1 or more (1 = no retries by the producer)</td><td>1</td></tr>
 *   <tr><td>{@value #RETRY_BACKOFF}</td><td>duration</td><td>100ms</td></tr>
 *   <tr><td>{@value #RETRY_MAX_BACKOFF}</td><td>duration</td><td>2s, or the first delay if longer</td></tr>
 *   <tr><td>{@value #DEAD_LETTER}</td><td>a destination name</td><td>none</td></tr>
 *   <tr><td>{@value #CLOSE_TIMEOUT}</td><td>duration</td><td>30s</td></tr>
 *   <tr><td>{@value #CONTENT_TYPE_HEADER}</td><td>true, false</td><td>true</td></tr>
 *   <tr><td>{@value #INTERCEPTORS}</td><td>names of interceptor providers on the class path, comma-separated
 *       (micrometer, opentelemetry)</td><td>none</td></tr>
 * </table>
 *
 * <p>The producer retries by itself ({@value #RETRY_MAX_ATTEMPTS} above 1) only when the binding's client does
 * not retry on its own, only failures known not to have been written, and never lets a retried message
 * overtake a later message with the same key.
 *
 * @param binding           the binding's name, or null to use the only one on the class path
 * @param clientId          the producer's name, shown to the broker and in logs
 * @param guarantee         what an acknowledgement promises
 * @param deliveryTimeout   every send's future completes within this
 * @param maxBlock          how long {@code sendAsync} may wait for room in the buffer
 * @param bufferWhenFull    what {@code sendAsync} does when the buffer is full
 * @param bufferMaxMessages how many messages may be unacknowledged at once
 * @param bufferMaxBytes    how many value bytes may be unacknowledged at once
 * @param maxMessageSize    the largest serialized value accepted
 * @param linger            how long the client may wait to fill a batch, or null for its default
 * @param batchMaxBytes     the largest batch, or null for the client's default
 * @param compression       batch compression
 * @param partitioner       the partitioning strategy ({@link PartitionStrategy#CUSTOM} only with a {@link Partitioner} in code)
 * @param retryMaxAttempts  attempts per message by the producer itself, including the first
 * @param retryBackoff      the first retry's delay, doubled for each further one
 * @param retryMaxBackoff   the longest delay between retries
 * @param deadLetter        where a copy of each finally failed message goes, or null
 * @param closeTimeout      the bound of {@link Producer#close()}
 * @param contentTypeHeader whether the serializer's content type is sent as a header
 */
public record ProducerSettings(String binding, String clientId, DeliveryGuarantee guarantee, Duration deliveryTimeout,
                               Duration maxBlock, BufferFullPolicy bufferWhenFull, int bufferMaxMessages,
                               long bufferMaxBytes, int maxMessageSize, Duration linger, Integer batchMaxBytes,
                               Compression compression, PartitionStrategy partitioner, int retryMaxAttempts,
                               Duration retryBackoff, Duration retryMaxBackoff, String deadLetter,
                               Duration closeTimeout, boolean contentTypeHeader) {

    /** The prefix of every neutral key. */
    public static final String PREFIX = "switchboard.";
    /** Key: the binding's name. */
    public static final String BINDING = "switchboard.binding";
    /** Key: the client id. */
    public static final String CLIENT_ID = "switchboard.client-id";
    /** Key: the delivery guarantee. */
    public static final String GUARANTEE = "switchboard.guarantee";
    /** Key: the delivery timeout. */
    public static final String DELIVERY_TIMEOUT = "switchboard.delivery-timeout";
    /** Key: the most {@code sendAsync} waits for buffer room. */
    public static final String MAX_BLOCK = "switchboard.max-block";
    /** Key: block or fail when the buffer is full. */
    public static final String BUFFER_WHEN_FULL = "switchboard.buffer.when-full";
    /**
     * Key: the buffer's message bound. The buffer is the producer's one bound on what it holds: a message counts
     * from acceptance until the client has let go of it, also when its future already failed
     * {@link Reason#OUTCOME_UNKNOWN} at the delivery timeout while the client still held it, so the client's own
     * queue never refuses a message the buffer accepted. A binding must therefore answer every record it was
     * handed, as every client does when it gives up on one or is closed.
     */
    public static final String BUFFER_MAX_MESSAGES = "switchboard.buffer.max-messages";
    /** Key: the buffer's byte bound. */
    public static final String BUFFER_MAX_BYTES = "switchboard.buffer.max-bytes";
    /** Key: the largest value. */
    public static final String MAX_MESSAGE_SIZE = "switchboard.max-message-size";
    /** Key: batching linger. */
    public static final String LINGER = "switchboard.linger";
    /** Key: the largest batch. */
    public static final String BATCH_MAX_BYTES = "switchboard.batch.max-bytes";
    /** Key: compression. */
    public static final String COMPRESSION = "switchboard.compression";
    /** Key: the partitioning strategy. */
    public static final String PARTITIONER = "switchboard.partitioner";
    /** Key: attempts per message by the producer. */
    public static final String RETRY_MAX_ATTEMPTS = "switchboard.retry.max-attempts";
    /** Key: the first retry delay. */
    public static final String RETRY_BACKOFF = "switchboard.retry.backoff";
    /** Key: the longest retry delay. */
    public static final String RETRY_MAX_BACKOFF = "switchboard.retry.max-backoff";
    /**
     * Key: the dead-letter destination. A message that finally failed after it reached the binding is copied there
     * (the caller's future still fails with the original reason), with the headers
     * {@code switchboard.dead-letter.destination}, {@code .reason} and {@code .message}. The copy keeps the
     * original's place in the buffer until it is delivered or fails itself (copies are not copied again). Failures
     * that may have been written ({@link Reason#OUTCOME_UNKNOWN}) are copied too, so the dead letter can hold a
     * message that was also delivered; its reason header says which.
     */
    public static final String DEAD_LETTER = "switchboard.dead-letter";
    /** Key: the bound of {@code close()}. */
    public static final String CLOSE_TIMEOUT = "switchboard.close-timeout";
    /** Key: whether to send the content type header. */
    public static final String CONTENT_TYPE_HEADER = "switchboard.content-type-header";
    /**
     * Key: interceptors to turn on by name ({@link io.switchboard.spi.InterceptorProvider}), on top of those given in
     * code. Read when the producer is assembled, so it is not a component of this record.
     */
    public static final String INTERCEPTORS = "switchboard.interceptors";

    /** Every neutral key, in the order of the table above. */
    public static final List<String> KEYS = List.of(BINDING, CLIENT_ID, GUARANTEE, DELIVERY_TIMEOUT, MAX_BLOCK,
            BUFFER_WHEN_FULL, BUFFER_MAX_MESSAGES, BUFFER_MAX_BYTES, MAX_MESSAGE_SIZE, LINGER, BATCH_MAX_BYTES,
            COMPRESSION, PARTITIONER, RETRY_MAX_ATTEMPTS, RETRY_BACKOFF, RETRY_MAX_BACKOFF, DEAD_LETTER,
            CLOSE_TIMEOUT, CONTENT_TYPE_HEADER, INTERCEPTORS);

    /** Checks the values against each other; each error names the keys involved. */
    public ProducerSettings {
        require(clientId != null && !clientId.isBlank(), CLIENT_ID + " is blank; expected a name such as \"orders-service\"");
        require(guarantee != null, GUARANTEE + " is missing");
        require(positive(deliveryTimeout), DELIVERY_TIMEOUT + " is " + deliveryTimeout + "; expected more than zero");
        require(notNegative(maxBlock), MAX_BLOCK + " is " + maxBlock + "; expected zero or more");
        require(bufferWhenFull != null, BUFFER_WHEN_FULL + " is missing");
        require(bufferMaxMessages > 0, BUFFER_MAX_MESSAGES + " is " + bufferMaxMessages + "; expected 1 or more");
        require(bufferMaxBytes > 0 && bufferMaxBytes <= Integer.MAX_VALUE,
                BUFFER_MAX_BYTES + " is " + bufferMaxBytes + "; expected 1 to " + Integer.MAX_VALUE + " bytes");
        require(maxMessageSize > 0, MAX_MESSAGE_SIZE + " is " + maxMessageSize + "; expected 1 or more bytes");
        require(maxMessageSize <= bufferMaxBytes, MAX_MESSAGE_SIZE + " (" + maxMessageSize + ") is larger than "
                + BUFFER_MAX_BYTES + " (" + bufferMaxBytes + "); a message that large could never fit in the buffer");
        require(linger == null || notNegative(linger), LINGER + " is " + linger + "; expected zero or more");
        require(linger == null || linger.compareTo(deliveryTimeout) < 0, LINGER + " (" + linger
                + ") is not shorter than " + DELIVERY_TIMEOUT + " (" + deliveryTimeout + "); messages would expire while lingering");
        require(batchMaxBytes == null || batchMaxBytes > 0, BATCH_MAX_BYTES + " is " + batchMaxBytes + "; expected 1 or more bytes");
        require(compression != null, COMPRESSION + " is missing");
        require(partitioner != null, PARTITIONER + " is missing");
        require(retryMaxAttempts > 0, RETRY_MAX_ATTEMPTS + " is " + retryMaxAttempts + "; expected 1 or more (1 = no retries)");
        require(positive(retryBackoff), RETRY_BACKOFF + " is " + retryBackoff + "; expected more than zero");
        require(positive(retryMaxBackoff) && retryMaxBackoff.compareTo(retryBackoff) >= 0, RETRY_MAX_BACKOFF + " ("
                + retryMaxBackoff + ") is shorter than " + RETRY_BACKOFF + " (" + retryBackoff + ")");
        require(deadLetter == null || !deadLetter.isBlank(), DEAD_LETTER + " is blank; expected a destination name or no value");
        require(notNegative(closeTimeout), CLOSE_TIMEOUT + " is " + closeTimeout + "; expected zero or more");
    }

    /**
     * Reads settings from {@code switchboard.*} keys; absent keys take their defaults.
     *
     * @throws MessagingException {@link Reason#INVALID_ARGUMENT} naming every unknown key (with the closest
     *                            known one) and every malformed value (with what is expected)
     */
    public static ProducerSettings from(Map<String, String> neutralKeys) {
        return io.switchboard.core.SettingsParser.parse(neutralKeys, Map.of());
    }

    /** The settings with every key at its default. */
    public static ProducerSettings defaults() {
        return from(Map.of());
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static boolean notNegative(Duration d) {
        return d != null && !d.isNegative();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw MessagingException.invalid(problem);
        }
    }
}
