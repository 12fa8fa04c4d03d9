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
import io.switchboard.spi.TlsFailure;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.PulsarClientException.AlreadyClosedException;
import org.apache.pulsar.client.api.PulsarClientException.AuthenticationException;
import org.apache.pulsar.client.api.PulsarClientException.AuthorizationException;
import org.apache.pulsar.client.api.PulsarClientException.ChecksumException;
import org.apache.pulsar.client.api.PulsarClientException.CryptoException;
import org.apache.pulsar.client.api.PulsarClientException.FeatureNotSupportedException;
import org.apache.pulsar.client.api.PulsarClientException.GettingAuthenticationDataException;
import org.apache.pulsar.client.api.PulsarClientException.IncompatibleSchemaException;
import org.apache.pulsar.client.api.PulsarClientException.InvalidConfigurationException;
import org.apache.pulsar.client.api.PulsarClientException.InvalidMessageException;
import org.apache.pulsar.client.api.PulsarClientException.InvalidServiceURL;
import org.apache.pulsar.client.api.PulsarClientException.InvalidTopicNameException;
import org.apache.pulsar.client.api.PulsarClientException.MemoryBufferIsFullError;
import org.apache.pulsar.client.api.PulsarClientException.NotAllowedException;
import org.apache.pulsar.client.api.PulsarClientException.NotFoundException;
import org.apache.pulsar.client.api.PulsarClientException.NotSupportedException;
import org.apache.pulsar.client.api.PulsarClientException.ProducerFencedException;
import org.apache.pulsar.client.api.PulsarClientException.ProducerQueueIsFullError;
import org.apache.pulsar.client.api.PulsarClientException.TimeoutException;
import org.apache.pulsar.client.api.PulsarClientException.TopicDoesNotExistException;
import org.apache.pulsar.client.api.PulsarClientException.TopicTerminatedException;
import org.apache.pulsar.client.api.PulsarClientException.UnsupportedAuthenticationException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Pulsar's exceptions as {@link MessagingException}s, with the native exception as cause and never a secret in the
 * message. The rule for the outcome: a failure says "not written" only when that is certain (the producer could not
 * be created, Pulsar refused the record before sending it, the broker refused that record, or the
 * {@link SendWitness} proves no connection carried it); everything else is {@link Reason#OUTCOME_UNKNOWN}.
 */
final class PulsarFailures {
    private final PulsarConfiguration configuration;

    PulsarFailures(PulsarConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Creating the native producer for {@code target} failed: nothing was sent through it. */
    MessagingException creation(Target target, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof MessagingException known) {
            return known;
        }
        Reason reason = notWrittenReason(cause);
        return new MessagingException(reason, "Pulsar could not open a producer for " + target + " ("
                + describe(cause) + "); the message was not written" + hint(reason), cause);
    }

    /** The TLS layer refuses the broker's certificate, so the producer for {@code target} cannot open. */
    MessagingException tlsRefused(Target target, TlsProbe probe, String tlsWords) {
        return new MessagingException(Reason.UNAUTHENTICATED, "Pulsar could not open a producer for " + target + ": the TLS"
                + " handshake with the broker at " + probe.host() + ":" + probe.port() + " fails (" + tlsWords + "), and"
                + " Pulsar only retries it; the message was not written. Check " + PulsarKeys.CLIENT_PREFIX
                + "tlsTrustCertsFilePath (or " + PulsarKeys.CLIENT_PREFIX + "tlsTrustStorePath): " + TlsFailure.ADVICE
                + " (" + PulsarKeys.CLIENT_PREFIX + "tlsHostnameVerificationEnable)");
    }

    /**
     * Pulsar failed a record.
     *
     * @param immediate whether Pulsar failed it before its send call returned (so before any network I/O)
     * @param witness   the connection state when it was handed over
     */
    MessagingException send(Target target, Throwable failure, boolean immediate, SendWitness witness) {
        Throwable cause = unwrap(failure);
        if (cause instanceof MessagingException known) {
            return known;
        }
        if (immediate || refusedForThisRecord(cause) || witness.provesNotWritten()) {
            Reason reason = notWrittenReason(cause);
            return new MessagingException(reason, "Pulsar did not write the message to " + target + " ("
                    + describe(cause) + ")" + hint(reason), cause);
        }
        return new MessagingException(Reason.OUTCOME_UNKNOWN, "Pulsar gave up on the message to " + target + " ("
                + describe(cause) + ") after it may have reached the broker; it may have been written", cause);
    }

    /** Looking up a destination's partitions failed. */
    MessagingException partitions(String topic, Throwable failure) {
        Throwable cause = unwrap(failure);
        Reason reason = notWrittenReason(cause);
        return new MessagingException(reason, "Pulsar could not tell the partitions of " + topic + " ("
                + describe(cause) + ")" + hint(reason), cause);
    }

    /** Pulsar's client could not be built from the configuration. */
    MessagingException client(Throwable failure) {
        Throwable cause = unwrap(failure);
        return new MessagingException(Reason.INVALID_ARGUMENT, "Pulsar's client does not accept the configuration ("
                + describe(cause) + "); check " + PulsarKeys.SERVICE_URL + " and the " + PulsarKeys.CLIENT_PREFIX
                + "* keys", cause);
    }

    /** Pulsar rejected one of the {@code pulsar.client.*} or {@code pulsar.producer.*} settings. */
    MessagingException settings(String fullKey, Throwable failure) {
        Throwable cause = unwrap(failure);
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // the root (Jackson's complaint) says what is wrong with the value
        return new MessagingException(Reason.INVALID_ARGUMENT, "Pulsar's configuration does not accept '"
                + fullKey + "' (" + describe(root) + ")", cause);
    }

    /**
     * The reason of a failure known not to have written the record.
     */
    static Reason notWrittenReason(Throwable cause) {
        if (cause instanceof ProducerQueueIsFullError || cause instanceof MemoryBufferIsFullError) {
            return Reason.BUFFER_FULL;
        }
        if (cause instanceof TopicDoesNotExistException || cause instanceof NotFoundException
                || cause instanceof TopicTerminatedException) {
            return Reason.NOT_FOUND;
        }
        if (cause instanceof AuthenticationException || cause instanceof UnsupportedAuthenticationException
                || cause instanceof GettingAuthenticationDataException) {
            return Reason.UNAUTHENTICATED;
        }
        if (cause instanceof AuthorizationException || cause instanceof NotAllowedException) {
            return Reason.PERMISSION_DENIED;
        }
        if (cause instanceof InvalidMessageException) {
            return Reason.TOO_LARGE;
        }
        if (cause instanceof InvalidTopicNameException || cause instanceof InvalidConfigurationException
                || cause instanceof InvalidServiceURL || cause instanceof IncompatibleSchemaException
                || cause instanceof IllegalArgumentException) {
            return Reason.INVALID_ARGUMENT;
        }
        if (cause instanceof NotSupportedException || cause instanceof FeatureNotSupportedException) {
            return Reason.UNSUPPORTED;
        }
        if (cause instanceof AlreadyClosedException || cause instanceof ProducerFencedException) {
            return Reason.CLOSED;
        }
        if (cause instanceof TimeoutException) {
            return Reason.TIMEOUT;
        }
        if (cause instanceof CryptoException || cause instanceof ChecksumException) {
            return Reason.INTERNAL;
        }
        return Reason.UNAVAILABLE;
    }

    /** Failures in which the broker, or the client before sending, refused this very record. */
    private static boolean refusedForThisRecord(Throwable cause) {
        return cause instanceof ProducerQueueIsFullError || cause instanceof MemoryBufferIsFullError
                || cause instanceof InvalidMessageException || cause instanceof TopicTerminatedException
                || cause instanceof NotAllowedException || cause instanceof IncompatibleSchemaException
                || cause instanceof ChecksumException || cause instanceof CryptoException
                || cause instanceof NotSupportedException;
    }

    private static String hint(Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> "; create the topic first, or allow the broker to create topics";
            case UNAUTHENTICATED -> "; check " + PulsarKeys.AUTH_TOKEN + " or the " + PulsarKeys.CLIENT_PREFIX
                    + "authPluginClassName / authParams keys";
            case PERMISSION_DENIED -> "; grant the role permission to produce to the topic";
            case TOO_LARGE -> "; send less, or raise the broker's maxMessageSize";
            case BUFFER_FULL -> "; Pulsar refuses only with a cap the settings gave it: raise or remove "
                    + PulsarKeys.PRODUCER_PREFIX + "maxPendingMessages or " + PulsarKeys.CLIENT_PREFIX + "memoryLimitBytes";
            default -> "";
        };
    }

    private String describe(Throwable cause) {
        String name = cause.getClass().getSimpleName();
        String message = cause.getMessage();
        return message == null || message.isBlank() ? name : name + ": " + configuration.redact(message.strip());
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        // Pulsar wraps some failures once more in its base type
        if (t.getClass() == PulsarClientException.class && t.getCause() instanceof PulsarClientException inner) {
            return inner;
        }
        return t;
    }
}
