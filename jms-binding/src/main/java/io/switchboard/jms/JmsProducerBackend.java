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
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One producer on a JMS provider: a connection ({@link ConnectionKeeper}) shared by {@code jms.sessions} lanes
 * ({@link SendLane}), each a thread with its own session sending synchronously. A keyed record goes to the lane of
 * its key's hash, so one key's records keep their order; an unkeyed record to the least busy lane.
 *
 * <p>It holds nothing back for batching, so {@link #flush} has nothing to push out. {@link #close} lets the lanes
 * finish what they hold until the timeout, fails what was never started {@link Reason#CLOSED} (known not written),
 * and closes the connection within what is left of the bound (in the background when nothing is left).
 */
final class JmsProducerBackend implements ProducerBackend {
    private final FactorySource source;
    private final JmsSettings settings;
    private final ConnectionKeeper keeper;
    private final List<SendLane> lanes;
    private final ExpiryWatch expiry;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JmsProducerBackend(FactorySource source, JmsSettings settings) {
        this.source = source;
        this.settings = settings;
        JmsFailures failures = new JmsFailures(settings.secrets(), JmsFailures.overTls(source.factory()));
        this.keeper = new ConnectionKeeper(source.factory(), settings, failures);
        List<SendLane> made = new ArrayList<>(settings.sessions());
        for (int i = 0; i < settings.sessions(); i++) {
            made.add(new SendLane("switchboard-jms-" + settings.clientId() + "-session-" + i, keeper, failures,
                    settings.deliveryMode(), settings.deadlineMarginNanos()));
        }
        this.lanes = List.copyOf(made);
        this.expiry = new ExpiryWatch(lanes, settings.clientId());
        lanes.forEach(SendLane::start);
    }

    /**
     * Opens a producer and its connection. Connecting is bounded by the delivery timeout even when the provider
     * would wait for ever, and a failure to connect fails the creation: wrong credentials are reported now, not at
     * the first send.
     *
     * @throws MessagingException what connecting failed with ({@link Reason#UNAUTHENTICATED},
     *                            {@link Reason#UNAVAILABLE}, ...), or {@link Reason#TIMEOUT}
     */
    static JmsProducerBackend open(FactorySource source, JmsSettings settings, Duration bound) {
        JmsProducerBackend backend = new JmsProducerBackend(source, settings);
        long deadline = System.nanoTime() + bound.toNanos();
        CompletableFuture<Void> connected = new CompletableFuture<>();
        Thread connecting = new Thread(() -> {
            try {
                backend.keeper.connectFirst(deadline);
                connected.complete(null);
            } catch (ConnectionKeeper.NotConnected e) {
                connected.completeExceptionally(e.failure);
            } catch (InterruptedException | RuntimeException e) {
                connected.completeExceptionally(e);
            }
        }, "switchboard-jms-" + settings.clientId() + "-connect");
        connecting.setDaemon(true);
        connecting.start();
        try {
            connected.get(bound.toNanos(), TimeUnit.NANOSECONDS);
            return backend;
        } catch (ExecutionException e) {
            backend.close(Duration.ZERO);
            throw e.getCause() instanceof MessagingException me ? me
                    : new MessagingException(Reason.INTERNAL, "connecting to the JMS broker failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            backend.close(Duration.ZERO);
            throw new MessagingException(Reason.TIMEOUT, "could not connect to the JMS broker within "
                    + ProducerSettings.DELIVERY_TIMEOUT + "=" + bound + " (the provider did not answer; a reconnecting"
                    + " URL such as failover:(...) without a timeout waits for ever)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            backend.close(Duration.ZERO);
            throw new MessagingException(Reason.UNAVAILABLE, "interrupted while connecting to the JMS broker", e);
        }
    }

    @Override
    public CompletableFuture<Receipt> send(OutboundRecord record) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedError());
        }
        PendingRecord pending;
        try {
            pending = JmsMessages.accept(record);
        } catch (MessagingException e) {
            return CompletableFuture.failedFuture(e);
        }
        laneFor(record.key()).submit(pending);
        if (closed.get()) {
            // close began meanwhile and may have emptied the lane before this record arrived
            pending.failIfWaiting(closedError());
        }
        return pending.future;
    }

    private MessagingException closedError() {
        return new MessagingException(Reason.CLOSED, "the JMS producer " + settings.clientId()
                + " closed before the message was sent; it was not written");
    }

    private SendLane laneFor(String key) {
        int count = lanes.size();
        if (key != null) {
            int hash = key.hashCode();
            return lanes.get(Math.floorMod(hash ^ (hash >>> 16), count));
        }
        // unkeyed records promise no order: take the least busy lane, starting anywhere to spread ties
        int start = count == 1 ? 0 : ThreadLocalRandom.current().nextInt(count);
        SendLane best = lanes.get(start);
        for (int i = 1; i < count && best.load() > 0; i++) {
            SendLane lane = lanes.get((start + i) % count);
            if (lane.load() < best.load()) {
                best = lane;
            }
        }
        return best;
    }

    /** Nothing is held back: every record is on its lane at once, and the producer waits for the outcomes. */
    @Override
    public void flush(Duration timeout) {
        // nothing to push out
    }

    @Override
    public void close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        lanes.forEach(SendLane::stopWhenDrained);
        awaitLanes(deadline);
        MessagingException closing = closedError();
        lanes.forEach(lane -> lane.failWaiting(closing));
        expiry.stop();
        // a lane still inside the provider is released by the connection's close (its record then ends
        // OUTCOME_UNKNOWN); the close itself runs in the background once the bound is used up
        int busy = (int) lanes.stream().filter(SendLane::isBusy).count();
        if (busy > 0) {
            JmsLog.busyAtClose(settings.clientId(), busy);
        }
        release(deadline);
    }

    private boolean awaitLanes(long deadlineNanos) {
        try {
            for (SendLane lane : lanes) {
                if (!lane.awaitExit(deadlineNanos)) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Closes the connection, and the factory if the binding made it, waiting at most until the deadline. */
    private void release(long deadlineNanos) {
        keeper.close(Math.max(0, deadlineNanos - System.nanoTime()));
        if (source.owned() && source.factory() instanceof AutoCloseable closeable) {
            Closer.close(closeable, "connection factory", Math.max(0, deadlineNanos - System.nanoTime()));
        }
    }

    /** The producer retries nothing itself, so the core's retries apply (to failures known not written only). */
    @Override
    public boolean retriesInternally() {
        return false;
    }

    /** The connection factory, or the current connection (a new one after a reconnect). */
    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        if (type.isInstance(source.factory())) {
            return Optional.of(type.cast(source.factory()));
        }
        Connection connection = keeper.lastConnection();
        if (connection != null && type.isInstance(connection)) {
            return Optional.of(type.cast(connection));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "JmsProducerBackend[" + settings.clientId() + ", factory=" + factoryName() + ", " + settings + "]";
    }

    private String factoryName() {
        ConnectionFactory factory = source.factory();
        return factory.getClass().getName() + (source.owned() ? " from JNDI" : " given in code");
    }
}
