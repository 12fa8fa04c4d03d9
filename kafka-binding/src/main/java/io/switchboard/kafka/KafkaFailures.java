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
import io.switchboard.Reason;
import io.switchboard.spi.TlsFailure;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.LeaderNotAvailableException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedCompressionTypeException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what Kafka failed a record with into the neutral {@link Reason}, keeping Kafka's exception as the cause.
 *
 * <p>Two questions decide the reason: what kind of failure Kafka reported, and whether the record may have reached
 * a broker. The second is answered by {@link Evidence}: a failure thrown while the record was being handed to
 * Kafka happened before it was appended; after that, {@link WireActivity} proves "never sent" when the producer
 * wrote nothing at all while the record was in its hands. A failure that cannot be proven harmless is
 * {@link Reason#OUTCOME_UNKNOWN}: never "not written" on a guess.
 */
final class KafkaFailures {
    /** How Kafka's ConfigException names the setting it refuses. */
    private static final Pattern CONFIGURATION_NAME = Pattern.compile("for configuration ([A-Za-z0-9._-]+)");

    /** What is known about whether a failed record reached a broker. */
    enum Evidence {
        /** Kafka failed the record while it was being handed over: it never entered the producer's buffer. */
        NOT_APPENDED,
        /** It was buffered, but the producer wrote nothing to any broker until it failed. */
        NOTHING_SENT,
        /** Something was written, possibly this record, but no batch at all was retried meanwhile. */
        SENT_WITHOUT_RETRIES,
        /** Something was written and batches were retried: the record may have been written by an earlier attempt. */
        SENT
    }

    /** What kind of failure Kafka reported, before the evidence is weighed. */
    private enum Kind {
        TOO_LARGE, PERMISSION_DENIED, UNAUTHENTICATED, NOT_FOUND, INVALID, UNSUPPORTED, BUFFER_FULL, TIMEOUT,
        /** A broker's answer that it did not write this attempt, which Kafka would have retried. */
        REFUSED,
        CLOSED,
        /** Anything else: the request may have been written (network errors, unexpected exceptions). */
        AMBIGUOUS
    }

    private KafkaFailures() {
    }

    /** The evidence for a record that was appended, from the wire counters before and after. */
    static Evidence evidence(WireActivity.Snapshot before, WireActivity.Snapshot after) {
        if (before.nothingWrittenUntil(after)) {
            return Evidence.NOTHING_SENT;
        }
        return before.noRetriesUntil(after) ? Evidence.SENT_WITHOUT_RETRIES : Evidence.SENT;
    }

    /**
     * The failure of a record to {@code topic}.
     *
     * @param closing whether the binding is closing the producer (a plain {@link KafkaException} then means
     *                Kafka aborted the record because of the close)
     */
    static MessagingException of(Throwable error, String topic, Evidence evidence, boolean closing) {
        Kind kind = kindOf(error, closing);
        Reason reason = reason(kind, evidence);
        return new MessagingException(reason, message(reason, kind, error, topic), error);
    }

    /**
     * A failure of the producer's creation. Kafka fails a constructor only for its configuration (values, JAAS
     * text, key stores, unresolvable bootstrap servers), so this is always {@link Reason#INVALID_ARGUMENT}.
     *
     * @param error  Kafka's exception, already scrubbed of secrets
     */
    static MessagingException creation(Throwable error) {
        return new MessagingException(Reason.INVALID_ARGUMENT, "Kafka refused to create the producer ("
                + describe(error) + "); check " + culprit(error), error);
    }

    /**
     * The key Kafka names in its refusal ({@code Invalid value yes for configuration enable.idempotence}), as the
     * user wrote it ({@code kafka.enable.idempotence}); else all of them.
     */
    private static String culprit(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher named = CONFIGURATION_NAME.matcher(String.valueOf(t.getMessage()));
            if (named.find()) {
                return "kafka." + named.group(1);
            }
        }
        return "the kafka.* keys";
    }

    private static Kind kindOf(Throwable error, boolean closing) {
        if (error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException) {
            return Kind.TOO_LARGE;
        }
        if (error instanceof AuthenticationException) {
            return Kind.UNAUTHENTICATED;
        }
        if (error instanceof AuthorizationException) {
            return Kind.PERMISSION_DENIED;
        }
        if (error instanceof BufferExhaustedException) {
            return Kind.BUFFER_FULL;
        }
        if (error instanceof TimeoutException) {
            // a metadata wait that ended with the broker saying the topic is unknown: Kafka keeps that as the cause
            return error.getCause() instanceof UnknownTopicOrPartitionException ? Kind.NOT_FOUND : Kind.TIMEOUT;
        }
        if (error instanceof UnknownTopicOrPartitionException) {
            return Kind.NOT_FOUND;
        }
        if (error instanceof InvalidTopicException || error instanceof InvalidTimestampException
                || error instanceof InvalidRecordException || error instanceof PolicyViolationException
                || error instanceof SerializationException || error instanceof IllegalArgumentException) {
            return Kind.INVALID;
        }
        if (error instanceof UnsupportedVersionException || error instanceof UnsupportedCompressionTypeException) {
            return Kind.UNSUPPORTED;
        }
        if (error instanceof NotEnoughReplicasException || error instanceof NotLeaderOrFollowerException
                || error instanceof LeaderNotAvailableException || error instanceof CorruptRecordException) {
            return Kind.REFUSED;
        }
        if (error instanceof IllegalStateException || closing && error.getClass() == KafkaException.class) {
            return Kind.CLOSED;
        }
        if (error instanceof InterruptException) {
            // only the binding interrupts its threads: at a record's deadline, or when it closes
            return closing ? Kind.CLOSED : Kind.TIMEOUT;
        }
        return Kind.AMBIGUOUS;
    }

    private static Reason reason(Kind kind, Evidence evidence) {
        boolean neverSent = evidence == Evidence.NOT_APPENDED || evidence == Evidence.NOTHING_SENT;
        return switch (kind) {
            // deterministic refusals: this record, topic or login is refused however often it is tried
            case TOO_LARGE -> Reason.TOO_LARGE;
            case PERMISSION_DENIED -> Reason.PERMISSION_DENIED;
            case UNAUTHENTICATED -> Reason.UNAUTHENTICATED;
            case INVALID -> Reason.INVALID_ARGUMENT;
            case UNSUPPORTED -> Reason.UNSUPPORTED;
            case BUFFER_FULL -> Reason.BUFFER_FULL;
            // a refusal of the last attempt says nothing about an earlier one that was retried
            case NOT_FOUND -> neverSent || evidence == Evidence.SENT_WITHOUT_RETRIES ? Reason.NOT_FOUND : Reason.OUTCOME_UNKNOWN;
            case REFUSED -> neverSent || evidence == Evidence.SENT_WITHOUT_RETRIES ? Reason.UNAVAILABLE : Reason.OUTCOME_UNKNOWN;
            // the same TimeoutException covers "never sent" and "sent, no answer": only the evidence tells them apart
            case TIMEOUT -> neverSent ? Reason.TIMEOUT : Reason.OUTCOME_UNKNOWN;
            case CLOSED -> neverSent ? Reason.CLOSED : Reason.OUTCOME_UNKNOWN;
            case AMBIGUOUS -> evidence == Evidence.NOT_APPENDED ? Reason.INTERNAL
                    : evidence == Evidence.NOTHING_SENT ? Reason.UNAVAILABLE : Reason.OUTCOME_UNKNOWN;
        };
    }

    private static String message(Reason reason, Kind kind, Throwable error, String topic) {
        String kafka = describe(error);
        return switch (reason) {
            case TOO_LARGE -> "the message to topic " + topic + " is too large for Kafka (" + kafka + "); it was not"
                    + " written. Send less, or raise the broker's message.max.bytes / the topic's max.message.bytes";
            case PERMISSION_DENIED -> "Kafka denied this producer access to topic " + topic + " (" + kafka + "); the"
                    + " message was not written. Grant the principal Write (and Describe) on the topic";
            case UNAUTHENTICATED -> error instanceof SslAuthenticationException ? tlsMessage(error, topic)
                    : "Kafka did not accept the producer's credentials (" + kafka + "); the message to topic "
                    + topic + " was not written. Check kafka.security.protocol, kafka.sasl.mechanism and kafka.sasl.jaas.config";
            case NOT_FOUND -> "topic " + topic + " does not exist and the broker does not create it (" + kafka
                    + "); the message was not written. Create the topic first";
            case INVALID_ARGUMENT -> "Kafka rejected the message to topic " + topic + " as invalid (" + kafka
                    + "); it was not written";
            case UNSUPPORTED -> "the broker does not support what the message to topic " + topic + " needs (" + kafka
                    + "); it was not written";
            case BUFFER_FULL -> "Kafka's buffer had no room for the message to topic " + topic + " (" + kafka
                    + "); it was not written. Raise kafka.buffer.memory or lower switchboard.buffer.max-bytes";
            case TIMEOUT -> "the message to topic " + topic + " was not written within the delivery timeout and never"
                    + " left the producer (" + kafka + "). Is the broker reachable?";
            case UNAVAILABLE -> "the broker did not write the message to topic " + topic + " (" + kafka + ")";
            case CLOSED -> "the producer closed before the message to topic " + topic + " was sent; it was not written ("
                    + kafka + ")";
            case OUTCOME_UNKNOWN -> "the message to topic " + topic + " may have been written: Kafka failed it after"
                    + " sending (" + kafka + ")" + (kind == Kind.TIMEOUT ? ", and no answer came back in time" : "")
                    + "; sending it again may duplicate it";
            default -> "Kafka failed the message to topic " + topic + " unexpectedly (" + kafka + "); it was not written";
        };
    }

    /**
     * A TLS handshake that failed: the client refused the broker's certificate (untrusted, expired, another name)
     * or the broker refused the client's. The TLS layer's own words, the innermost cause, say which.
     */
    private static String tlsMessage(Throwable error, String topic) {
        String cause = TlsFailure.find(error.getCause()).map(words -> "; the TLS layer said: " + words).orElse("");
        return "the TLS handshake with Kafka failed (" + describe(error) + cause + "); the message to topic " + topic
                + " was not written. Check kafka.ssl.truststore.location: " + TlsFailure.ADVICE
                + " (kafka.bootstrap.servers; hostname verification: kafka.ssl.endpoint.identification.algorithm)";
    }

    /** Kafka's exception as class name and message, the cause's too when Kafka wrapped one. */
    static String describe(Throwable error) {
        String text = error.getClass().getSimpleName() + ": " + error.getMessage();
        Throwable cause = error.getCause();
        return cause == null || cause == error ? text : text + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }
}
