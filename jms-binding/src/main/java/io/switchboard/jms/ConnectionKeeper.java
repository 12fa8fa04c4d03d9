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

import io.switchboard.MessagingException;
import io.switchboard.Reason;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The producer's one JMS connection, shared by its lanes' sessions, and its replacement when it is lost.
 *
 * <p>The provider tells the connection's exception listener when the connection is lost; the keeper then marks it
 * lost and closes it in the background, and the next lane that needs a session opens a new one. Attempts are
 * spaced by a backoff (25 ms doubling to 1 s) shared by all lanes, so an unreachable broker is not hammered, and a
 * lane waits for another lane's attempt only until its record's deadline.
 */
final class ConnectionKeeper {
    static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(25);
    static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How many times opening the producer tries to connect when the broker drops the connection being opened. */
    static final int FIRST_CONNECT_ATTEMPTS = 3;

    /** One connection, and whether the provider reported it lost. */
    static final class Link {
        final Connection connection;
        private volatile boolean lost;

        Link(Connection connection) {
            this.connection = connection;
        }

        boolean isLost() {
            return lost;
        }
    }

    /** Why there is no connection now, and when the next attempt may be made. */
    static final class NotConnected extends Exception {
        private static final long serialVersionUID = 1L;
        final transient MessagingException failure;
        final long retryAtNanos;

        NotConnected(MessagingException failure, long retryAtNanos) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
            this.retryAtNanos = retryAtNanos;
        }
    }

    private final ConnectionFactory factory;
    private final JmsSettings settings;
    private final JmsFailures failures;
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile Link current;
    /** A connection the provider is still starting, so that close can end a start that waits for ever. */
    private volatile Connection opening;
    private volatile boolean closed;
    // guarded by connecting
    private MessagingException lastFailure;
    private long retryAtNanos;
    private long backoffNanos = FIRST_BACKOFF_NANOS;

    ConnectionKeeper(ConnectionFactory factory, JmsSettings settings, JmsFailures failures) {
        this.factory = factory;
        this.settings = settings;
        this.failures = failures;
    }

    /** The connection, if there is one the provider has not reported lost; never blocks. */
    Link usable() {
        Link link = current;
        return link != null && !link.isLost() ? link : null;
    }

    /** The last connection opened, lost or not, for {@code unwrap}. */
    Connection lastConnection() {
        Link link = current;
        return link == null ? null : link.connection;
    }

    /**
     * A usable connection, opening one if needed. Waits for a concurrent attempt at most until the deadline.
     *
     * @throws NotConnected the failure of this attempt, of a recent one whose backoff has not passed, or of a
     *                      concurrent attempt that outlasted the deadline
     * @throws InterruptedException when the lane is interrupted
     */
    Link connect(long deadlineNanos) throws NotConnected, InterruptedException {
        long now = System.nanoTime();
        if (!connecting.tryLock(Math.max(0, deadlineNanos - now), TimeUnit.NANOSECONDS)) {
            throw new NotConnected(new MessagingException(Reason.TIMEOUT, "another attempt to connect to the JMS broker"
                    + " did not finish before the delivery timeout; the message was not sent"), deadlineNanos);
        }
        try {
            Link live = usable();
            if (live != null) {
                return live;
            }
            if (closed) {
                throw new NotConnected(new MessagingException(Reason.CLOSED, "the producer is closed"), Long.MAX_VALUE);
            }
            now = System.nanoTime();
            if (lastFailure != null && now - retryAtNanos < 0) {
                throw new NotConnected(lastFailure, retryAtNanos);
            }
            try {
                Link fresh = open();
                lastFailure = null;
                backoffNanos = FIRST_BACKOFF_NANOS;
                current = fresh;
                JmsLog.connected(settings.clientId());
                if (closed) {
                    // close() ran while the provider was connecting and could not see this connection
                    Closer.closeLater(fresh.connection, "connection");
                    throw new NotConnected(new MessagingException(Reason.CLOSED, "the producer is closed"), Long.MAX_VALUE);
                }
                return fresh;
            } catch (JMSException | RuntimeException e) {
                lastFailure = failures.connecting(e);
                retryAtNanos = System.nanoTime() + backoffNanos;
                backoffNanos = Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
                throw new NotConnected(lastFailure, retryAtNanos);
            }
        } finally {
            connecting.unlock();
        }
    }

    /**
     * The first connection, made when the producer is opened. A broker refusing credentials may close the socket
     * before its refusal reaches the client (ActiveMQ Classic does so about once in a hundred refusals: when it
     * refuses while still setting the connection up, it closes at once and the close can overtake the answer),
     * which the provider reports as a lost connection. Another attempt then receives the refusal itself, so a
     * connection dropped while it was being opened is tried again after the usual backoff, at most
     * {@link #FIRST_CONNECT_ATTEMPTS} times and only within the deadline. Other failures (a broker that is not there, a refusal) are reported at once.
     */
    Link connectFirst(long deadlineNanos) throws NotConnected, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return connect(deadlineNanos);
            } catch (NotConnected e) {
                boolean again = attempt < FIRST_CONNECT_ATTEMPTS && JmsFailures.droppedWhileOpening(e.failure)
                        && e.retryAtNanos - deadlineNanos < 0;
                if (!again) {
                    throw e;
                }
                // a backoff, not a wait for a condition: nothing signals when the broker is ready for another try
                TimeUnit.NANOSECONDS.sleep(Math.max(0, e.retryAtNanos - System.nanoTime()));
            }
        }
    }

    private Link open() throws JMSException {
        Connection connection = settings.user() == null ? factory.createConnection()
                : factory.createConnection(settings.user(), settings.password());
        opening = connection;
        try {
            Link link = new Link(connection);
            connection.setExceptionListener(e -> reported(link, e));
            // starting makes providers that connect lazily (ActiveMQ Classic) authenticate now, not at the first send;
            // behind a reconnecting transport it may wait for the broker, until close() closes the connection
            connection.start();
            return link;
        } catch (JMSException | RuntimeException e) {
            Closer.closeLater(connection, "connection");
            throw e;
        } finally {
            opening = null;
        }
    }

    /** The provider's exception listener: a lost connection is replaced; a refused asynchronous send only logged. */
    private void reported(Link link, JMSException e) {
        if (!JmsFailures.meansConnectionLost(e)) {
            JmsLog.asyncRefusal(settings.clientId(), settings.secrets().describe(e));
            return;
        }
        markLost(link, settings.secrets().describe(e));
    }

    /** Marks a connection lost (the provider said so, or it refused a session) and closes it in the background. */
    void markLost(Link link, String why) {
        if (link.lost) {
            return;
        }
        link.lost = true;
        if (!closed) {
            JmsLog.connectionLost(settings.clientId(), why);
        }
        Closer.closeLater(link.connection, "connection");
    }

    /** Stops opening connections and closes the current one, waiting for that at most {@code boundNanos}. */
    void close(long boundNanos) {
        closed = true;
        Closer.closeLater(opening, "connection");
        Link link = current;
        if (link != null && !link.lost) {
            link.lost = true;
            Closer.close(link.connection, "connection", boundNanos);
        }
    }

    boolean isClosed() {
        return closed;
    }
}
