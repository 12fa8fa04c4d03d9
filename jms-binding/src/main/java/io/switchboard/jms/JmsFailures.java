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

import io.switchboard.spi.SecretMask;
import io.switchboard.spi.TlsFailure;
import io.switchboard.Destination;
import io.switchboard.MessagingException;
import io.switchboard.Reason;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ResourceAllocationException;

import java.io.EOFException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns what a JMS provider threw into a {@link MessagingException} that tells the truth about whether the message
 * was written. The judgement depends on the step that failed:
 * <ul>
 *   <li>connecting (creating the connection, starting it, creating a session or producer), resolving a
 *       destination and building the message happen before anything is sent, so nothing was written whatever the
 *       exception;</li>
 *   <li>a send refused by the broker (security, unknown destination, full destination, bad message) was not
 *       written; a send that failed because its session or connection was already closed was not written either
 *       (JMS reports that with {@link jakarta.jms.IllegalStateException} before any I/O);</li>
 *   <li>any other failure of a send may come after the message left the client: {@link Reason#OUTCOME_UNKNOWN}.</li>
 * </ul>
 * The provider's exception is always the cause; messages never contain secrets.
 */
final class JmsFailures {
    /** Artemis reports a full address as a plain JMSException caused by this exception (no JMS subtype). */
    private static final String ARTEMIS_ADDRESS_FULL = "ActiveMQAddressFullException";

    private final SecretMask secrets;
    /** Whether the factory connects over TLS, so that a connection failure without a cause can still say so. */
    private final boolean tlsFactory;

    JmsFailures(SecretMask secrets, boolean tlsFactory) {
        this.secrets = secrets;
        this.tlsFactory = tlsFactory;
    }

    /**
     * Whether a factory connects over TLS, as its own description says: Classic's {@code ssl://} URL, Artemis'
     * {@code sslEnabled=true} transport parameter. The description is only looked at, never shown: it may hold a
     * trust store's password.
     */
    static boolean overTls(Object factory) {
        String description = String.valueOf(factory);
        return description.contains("ssl://") || description.contains("sslEnabled=true");
    }

    /** A failure to connect or to open a session: never written. */
    MessagingException connecting(Exception e) {
        if (e instanceof JMSSecurityException) {
            return new MessagingException(Reason.UNAUTHENTICATED, "the JMS broker refused the connection's credentials"
                    + " (check jms.user and jms.password, or the factory's own): " + text(e), e);
        }
        if (e instanceof InvalidClientIDException) {
            return new MessagingException(Reason.INVALID_ARGUMENT, "the JMS broker refused the connection's client id: "
                    + text(e), e);
        }
        Optional<String> refused = TlsFailure.certificateRefused(e);
        if (refused.isPresent()) {
            // the client refused the broker's certificate: trying again would meet the same certificate
            return new MessagingException(Reason.UNAUTHENTICATED, "could not connect to the JMS broker: the TLS"
                    + " handshake refused the broker's certificate (" + secrets.scrub(refused.get()) + "); the message"
                    + " was not sent: " + text(e) + ". " + TlsFailure.ADVICE, e);
        }
        if (causedBy(e, EOFException.class)) {
            return new MessagingException(Reason.UNAVAILABLE, "the JMS broker closed the connection while it was being"
                    + " opened (brokers do so when they refuse a client: check jms.user and jms.password, and the"
                    + " broker's log); the message was not sent: " + text(e), e);
        }
        Optional<String> tls = TlsFailure.find(e);
        if (tls.isPresent()) {
            return new MessagingException(Reason.UNAVAILABLE, "could not connect to the JMS broker: the TLS handshake"
                    + " failed (" + secrets.scrub(tls.get()) + "); the message was not sent: " + text(e), e);
        }
        if ((tlsFactory || anyCause(e, t -> overTls(t.getMessage()))) && !unreachable(e)) {
            // ActiveMQ Classic reports a failed handshake now with its cause, now as a closed socket without one;
            // Artemis logs the cause (AMQ214016) and reports only that it could not connect
            return new MessagingException(Reason.UNAVAILABLE, "could not connect to the JMS broker over TLS, and the"
                    + " provider did not say why (the broker may be down, or the TLS handshake failed: the provider's"
                    + " log says which); the message was not sent: " + text(e) + ". If it is TLS, "
                    + TlsFailure.ADVICE, e);
        }
        return new MessagingException(Reason.UNAVAILABLE, "could not connect to the JMS broker; the message was not"
                + " sent: " + text(e), e);
    }



    /** Whether the provider could not reach the broker at all: nothing was said about TLS, there was no TLS. */
    private static boolean unreachable(Throwable e) {
        return causedBy(e, java.net.ConnectException.class) || causedBy(e, java.net.UnknownHostException.class)
                || causedBy(e, java.net.NoRouteToHostException.class);
    }

    /** Whether connecting failed because the broker closed the connection while the provider was opening it. */
    static boolean droppedWhileOpening(MessagingException failure) {
        return failure.reason() == Reason.UNAVAILABLE && causedBy(failure.getCause(), EOFException.class);
    }

    /**
     * A failure before the send: resolving the destination name (which some providers check with the broker) or
     * building the message. Never written.
     */
    MessagingException beforeSending(Exception e, Destination destination) {
        if (e instanceof InvalidDestinationException) {
            return notFound(e, destination);
        }
        if (e instanceof JMSSecurityException) {
            return denied(e, destination);
        }
        if (e instanceof MessageFormatException) {
            return malformed(e, destination);
        }
        return new MessagingException(Reason.UNAVAILABLE, "the JMS provider failed while preparing the message to "
                + describe(destination) + "; it was not sent: " + text(e), e);
    }

    /**
     * A failure of the send itself.
     *
     * @param interrupted whether the binding interrupted the sending thread (a provider may then report an
     *                    interrupted wait for the broker's answer as an illegal state)
     */
    MessagingException sending(Exception e, Destination destination, boolean interrupted) {
        if (e instanceof JMSSecurityException) {
            return denied(e, destination);
        }
        if (e instanceof InvalidDestinationException) {
            return notFound(e, destination);
        }
        if (e instanceof ResourceAllocationException || causedBy(e, ARTEMIS_ADDRESS_FULL)) {
            return new MessagingException(Reason.BUFFER_FULL, "the JMS broker refused the message to "
                    + describe(destination) + " for lack of room (the destination or the broker is full); it was"
                    + " not written: " + text(e), e);
        }
        if (e instanceof MessageFormatException) {
            return malformed(e, destination);
        }
        if (e instanceof jakarta.jms.IllegalStateException && !interrupted) {
            return new MessagingException(Reason.UNAVAILABLE, "the JMS session was closed (the connection was lost)"
                    + " before the message to " + describe(destination) + " was sent; it was not written: " + text(e), e);
        }
        return new MessagingException(Reason.OUTCOME_UNKNOWN, "the send to " + describe(destination)
                + " failed after the message may have reached the broker (" + text(e) + "); it may have been written", e);
    }

    /**
     * Whether an exception the provider reported outside any call (to the connection's exception listener) means
     * the connection is lost. Refusals of asynchronous sends reach the listener too and leave the connection usable.
     */
    static boolean meansConnectionLost(JMSException e) {
        return !(e instanceof JMSSecurityException || e instanceof InvalidDestinationException
                || e instanceof ResourceAllocationException || e instanceof MessageFormatException
                || causedBy(e, ARTEMIS_ADDRESS_FULL));
    }

    private MessagingException denied(Exception e, Destination destination) {
        return new MessagingException(Reason.PERMISSION_DENIED, "the JMS broker does not allow this user to send to "
                + describe(destination) + "; the message was not written: " + text(e), e);
    }

    private MessagingException malformed(Exception e, Destination destination) {
        return new MessagingException(Reason.INVALID_ARGUMENT, "the JMS provider refused the message to "
                + describe(destination) + " as malformed; it was not written: " + text(e), e);
    }

    private MessagingException notFound(Exception e, Destination destination) {
        return new MessagingException(Reason.NOT_FOUND, describe(destination) + " does not exist and the JMS broker"
                + " will not create it; the message was not written: " + text(e), e);
    }

    private String text(Throwable e) {
        return secrets.describe(e);
    }

    static String describe(Destination destination) {
        return (destination.kind() == Destination.Kind.TOPIC ? "topic '" : "queue '") + destination.name() + "'";
    }

    private static boolean causedBy(Throwable e, String simpleClassName) {
        return anyCause(e, t -> t.getClass().getSimpleName().equals(simpleClassName));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return anyCause(e, type::isInstance);
    }

    private static boolean anyCause(Throwable e, Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
