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
package io.switchboard.core;

import io.switchboard.Capability;
import io.switchboard.CloseResult;
import io.switchboard.DeliveryGuarantee;
import io.switchboard.Destination;
import io.switchboard.FlushResult;
import io.switchboard.Headers;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.PartitionStrategy;
import io.switchboard.Partitioner;
import io.switchboard.Producer;
import io.switchboard.ProducerInfo;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.SendInterceptor;
import io.switchboard.SendObserver;
import io.switchboard.Serializer;
import io.switchboard.spi.ProducerBackend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The one {@link Producer}: everything portable, written once, around a binding's {@link ProducerBackend}.
 *
 * <p>A send goes: capability check, interceptors, serialization, size check, buffer permit (the only bound on
 * unfinished messages), partition choice when the producer chooses, per-key ordering when the producer
 * retries, then the backend. Its future finishes exactly once: by the backend's answer, by a retry's final
 * failure, by the deadline sweeper at the delivery timeout, or by close.
 */
public final class CoreProducer<V> implements Producer<V> {
    private final ProducerBackend backend;
    private final String binding;
    private final Set<Capability> capabilities;
    private final ProducerSettings settings;
    private final Serializer<V> serializer;
    private final List<SendInterceptor> interceptors;
    private final SendPermits permits;
    private final InFlight inFlight;
    private final DeadlineSweeper sweeper;
    private final PartitionChooser partitions;
    private final boolean producerRetries;
    private final OrderedLanes keyLanes;
    /** The producer's own thread for retries and ordered hand-offs, so neither runs nested in a callback. */
    private final ScheduledExecutorService helper;
    /** Completes the callers' futures of expired sends; threads only while callbacks run, none when idle. */
    private final ExecutorService expiryCallbacks;
    private final Destination deadLetter;
    private final long deliveryTimeoutNanos;
    private final AtomicReference<CompletableFuture<CloseResult>> closing = new AtomicReference<>();
    /** Where every send's backend answer arrives: one instance for the producer, none per send. */
    private final PendingSend.Outcomes outcomes = this::answered;
    private final ProducerInfo info;
    private volatile boolean closed;
    /** See {@link #contentTypeOnly}; racy by design: at worst two threads each build an equal instance. */
    private volatile Headers contentTypeHeaders;

    CoreProducer(ProducerBackend backend, String binding, Set<Capability> capabilities, ProducerSettings settings,
                 Serializer<V> serializer, Partitioner partitioner, List<SendInterceptor> interceptors) {
        this.backend = backend;
        this.binding = binding;
        this.capabilities = Set.copyOf(capabilities);
        this.settings = settings;
        this.serializer = serializer;
        this.interceptors = List.copyOf(interceptors);
        this.permits = new SendPermits(settings);
        this.inFlight = new InFlight(this::expire, settings.deliveryTimeout().toNanos());
        this.sweeper = new DeadlineSweeper(inFlight, settings.clientId());
        this.deliveryTimeoutNanos = settings.deliveryTimeout().toNanos();
        PartitionStrategy strategy = partitioner != null ? PartitionStrategy.CUSTOM : settings.partitioner();
        this.helper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-helper-" + settings.clientId());
            t.setDaemon(true);
            return t;
        });
        this.expiryCallbacks = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "switchboard-expiry-callbacks-" + settings.clientId());
            t.setDaemon(true);
            return t;
        });
        this.partitions = strategy == PartitionStrategy.NATIVE ? null
                : new PartitionChooser(strategy, partitioner, backend, settings.deliveryTimeout(), helper);
        this.producerRetries = settings.retryMaxAttempts() > 1 && !backend.retriesInternally();
        this.keyLanes = producerRetries ? new OrderedLanes(helper) : null;
        this.deadLetter = settings.deadLetter() == null ? null : Destination.of(settings.deadLetter());
        this.info = new Info();
        sweeper.start();
        Log.created(binding, settings.clientId());
        tellInterceptors(true);
    }

    /** The producer as interceptors see it: names and live buffer figures, nothing that sends. */
    private final class Info implements ProducerInfo {
        @Override
        public String binding() {
            return binding;
        }

        @Override
        public String clientId() {
            return settings.clientId();
        }

        @Override
        public long bufferedMessages() {
            return permits.messagesInUse();
        }

        @Override
        public long bufferedBytes() {
            return permits.bytesInUse();
        }

        @Override
        public long bufferLimitMessages() {
            return settings.bufferMaxMessages();
        }

        @Override
        public long bufferLimitBytes() {
            return settings.bufferMaxBytes();
        }

        @Override
        public String toString() {
            return "producer " + settings.clientId() + " on the " + binding + " binding";
        }
    }

    /**
     * Checks, before the binding opens anything, that the settings ask only for what the binding offers.
     *
     * @throws MessagingException {@link Reason#UNSUPPORTED} naming the setting and the missing capability
     */
    static void requireSupported(String binding, Set<Capability> capabilities, ProducerSettings settings,
                                 boolean customPartitioner) {
        if (settings.guarantee() == DeliveryGuarantee.EFFECTIVELY_ONCE) {
            requireCapability(binding, capabilities, Capability.EFFECTIVELY_ONCE, ProducerSettings.GUARANTEE + "=effectively-once");
        }
        if (settings.guarantee() == DeliveryGuarantee.AT_MOST_ONCE) {
            requireCapability(binding, capabilities, Capability.AT_MOST_ONCE, ProducerSettings.GUARANTEE + "=at-most-once");
        }
        if (customPartitioner) {
            requireCapability(binding, capabilities, Capability.PARTITIONS, "a custom partitioner");
        } else if (settings.partitioner() == PartitionStrategy.ROUND_ROBIN) {
            requireCapability(binding, capabilities, Capability.PARTITIONS, ProducerSettings.PARTITIONER + "=round-robin");
        }
    }

    private static void requireCapability(String binding, Set<Capability> capabilities, Capability needed, String what) {
        if (!capabilities.contains(needed)) {
            throw new MessagingException(Reason.UNSUPPORTED, what + " needs capability " + needed + ", which the "
                    + binding + " binding does not offer (it offers " + capabilities + "); change the setting or the binding");
        }
    }

    @Override
    public CompletableFuture<Receipt> sendAsync(Message<? extends V> message) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        if (message == null) {
            return CompletableFuture.failedFuture(new MessagingException(Reason.INVALID_ARGUMENT,
                    "message is null; expected a Message such as Message.to(\"orders\").value(..)"));
        }
        List<SendObserver> observers = observe(message);
        byte[] bytes;
        Headers headers;
        try {
            requireCapabilities(message);
            headers = headersFor(message, observers);
            bytes = serialize(message.value());
            if (bytes.length > settings.maxMessageSize()) {
                throw new MessagingException(Reason.TOO_LARGE, "the message to " + message.destination() + " is "
                        + bytes.length + " bytes, over " + ProducerSettings.MAX_MESSAGE_SIZE + "="
                        + settings.maxMessageSize() + "; raise that setting (and the broker's limit) or send less");
            }
            permits.acquire(bytes.length);
        } catch (MessagingException e) {
            PendingSend.notifyFailed(observers, e);
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            // a serializer's contentType() or a header hook failed: still reported through the future
            MessagingException error = new MessagingException(Reason.SERIALIZATION, "preparing the message to "
                    + message.destination() + " failed: " + e + "; nothing was sent", e);
            PendingSend.notifyFailed(observers, error);
            return CompletableFuture.failedFuture(error);
        }
        PendingSend send = new PendingSend(message, bytes, headers, System.nanoTime() + deliveryTimeoutNanos, observers,
                outcomes);
        inFlight.add(send);
        if (closed) {
            // close began between the first check and registration; it may not have seen this send
            fail(send, closedError());
            return send;
        }
        if (partitions != null && partitions.places(message)) {
            partitions.place(send, new PartitionChooser.Placement() {
                @Override
                public void placed(PendingSend placed) {
                    inOrder(placed);
                }

                @Override
                public void failed(PendingSend failed, MessagingException error) {
                    fail(failed, error);
                }
            });
        } else {
            inOrder(send);
        }
        return send;
    }

    @Override
    public Receipt send(Message<? extends V> message) {
        CompletableFuture<Receipt> future = sendAsync(message);
        // the sweeper finishes every future by its deadline; the margin only guards against a defect
        long bound = deliveryTimeoutNanos + TimeUnit.SECONDS.toNanos(5);
        try {
            return future.get(bound, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw Failures.of(e, binding);
        } catch (TimeoutException e) {
            throw new MessagingException(Reason.OUTCOME_UNKNOWN, "no outcome within " + Duration.ofNanos(bound)
                    + "; the message may have been written", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException(Reason.OUTCOME_UNKNOWN, "interrupted while waiting for the broker; the message"
                    + " may still be written", e);
        }
    }

    /** With producer retries, a keyed message waits until the previous one of its key has finished. */
    private void inOrder(PendingSend send) {
        if (keyLanes == null || send.key() == null) {
            dispatch(send);
            return;
        }
        keyLanes.submit(send.key(), release -> {
            send.onFinish = () -> release.complete(null);
            if (send.isFinished()) {
                release.complete(null);
            } else {
                dispatch(send);
            }
        });
    }

    private void dispatch(PendingSend send) {
        // the client's hold is marked before the hand-over, so a deadline that strikes in between keeps the permits
        send.handingToClient();
        if (!send.markHanded()) {
            // finished meanwhile (deadline or close): it must not reach the broker now, and holds nothing there
            if (send.clientLetGo()) {
                permits.release(send.size());
            }
            return;
        }
        send.countAttempt();
        try {
            backend.send(send, send);
        } catch (RuntimeException e) {
            answered(send, null, e);
        }
    }

    /** A backend's answer to the attempt it was handed, on whatever thread the client completes it. */
    private void answered(PendingSend send, Receipt receipt, Throwable error) {
        if (error == null) {
            // the common path costs no atomic beyond the claim: a send that finished first kept its permits for this
            if (!succeed(send, receipt) && send.clientLetGo()) {
                permits.release(send.size());
            }
            return;
        }
        if (send.clientLetGo()) {
            // finished before the client let go (deadline, close): the buffer counted it until now
            permits.release(send.size());
            return;
        }
        if (send.isFinished()) {
            // a backend that reports a failure after the send finished (answering twice): nothing is left to do,
            // and an acknowledged send no longer holds its record
            return;
        }
        failedAttempt(send, Failures.of(error, binding));
    }

    private void failedAttempt(PendingSend send, MessagingException error) {
        if (!error.mayHaveBeenWritten()) {
            send.markNotWritten();
        }
        long backoff = backoffNanos(send.attempts());
        if (shouldRetry(send, error, backoff)) {
            // told before the retry is scheduled, so no observer hears of a retry after its outcome
            send.notifyRetry(send.attempts() + 1, error);
            try {
                helper.schedule(() -> dispatch(send), backoff, TimeUnit.NANOSECONDS);
                return;
            } catch (RejectedExecutionException e) {
                // the producer finished closing meanwhile: the failure stands
            }
        }
        fail(send, error);
    }

    /** Only failures known not to be written, only if the retry can happen before the deadline. */
    private boolean shouldRetry(PendingSend send, MessagingException error, long backoffNanos) {
        return producerRetries && !send.isInternal() && error.isRetryable() && !error.mayHaveBeenWritten()
                && send.attempts() < settings.retryMaxAttempts()
                && send.deadlineNanos() - (System.nanoTime() + backoffNanos) > 0;
    }

    private long backoffNanos(int attempts) {
        long base = settings.retryBackoff().toNanos();
        long max = settings.retryMaxBackoff().toNanos();
        int doublings = Math.min(30, Math.max(0, attempts - 1));
        return base > (max >> doublings) ? max : base << doublings;
    }

    /** Finishes the send as acknowledged; false if it had finished already. */
    private boolean succeed(PendingSend send, Receipt receipt) {
        if (send.claimAcknowledged() < 0) {
            return false;
        }
        release(send);
        send.notifyAcknowledged(receipt);
        send.forgetContent();
        send.succeeded(receipt);
        return true;
    }

    private void fail(PendingSend send, MessagingException error) {
        if (send.claimFinish() >= 0) {
            failClaimed(send, error);
        }
    }

    private void failClaimed(PendingSend send, MessagingException error) {
        failClaimed(send, error, false);
    }

    /**
     * Fails a claimed send. {@code fromSweeper}: the caller's future is completed on another thread, so that a
     * caller's slow callback cannot hold up the deadlines of every other send.
     */
    private void failClaimed(PendingSend send, MessagingException error, boolean fromSweeper) {
        // the copy takes over the original's buffer permits, so that copies made during an outage count against
        // the buffer like any message: the producer's memory stays bounded however many sends fail
        PendingSend letter = deadLetter != null && !closed && !send.isInternal() && send.attempts() > 0
                ? deadLetterCopy(send, error) : null;
        // a message the client still holds keeps its place in the buffer until the client lets go of it
        release(send, letter == null && !send.keepPermitsForClient());
        if (letter != null) {
            send.notifyDeadLettered(deadLetter);
        }
        send.notifyFailed(error);
        if (fromSweeper) {
            try {
                expiryCallbacks.execute(() -> send.failed(error));
            } catch (RejectedExecutionException e) {
                send.failed(error);
            }
        } else {
            send.failed(error);
        }
        if (letter != null) {
            dispatch(letter);
        }
    }

    private void release(PendingSend send) {
        release(send, true);
    }

    /**
     * Ends a send's stay in flight (finished, it no longer counts there) and gives its permits back unless a
     * dead-letter copy has taken them over.
     */
    private void release(PendingSend send, boolean permitsToo) {
        if (permitsToo) {
            permits.release(send.size());
        }
        Runnable onFinish = send.onFinish;
        if (onFinish != null) {
            onFinish.run();
        }
    }

    /** The reason follows from the state the send is finished from, atomically, so it never guesses. */
    private void expire(PendingSend send) {
        int from = send.claimFinish();
        if (from < 0) {
            return;
        }
        Duration timeout = settings.deliveryTimeout();
        failClaimed(send, from == PendingSend.HANDED
                ? new MessagingException(Reason.OUTCOME_UNKNOWN, "no acknowledgement from the broker within "
                + ProducerSettings.DELIVERY_TIMEOUT + "=" + timeout + "; the message to " + send.destination()
                + " may have been written")
                : new MessagingException(Reason.TIMEOUT, "the message to " + send.destination()
                + " was not written within " + ProducerSettings.DELIVERY_TIMEOUT + "=" + timeout), true);
    }

    /**
     * A copy of a finally failed message for the dead-letter destination, with headers saying why, registered in
     * flight before the original leaves it (so flush and close, which wait for the copy too, never see a gap). It
     * holds the original's buffer permits. A failure that may have been written ({@link Reason#OUTCOME_UNKNOWN}) is
     * copied too, since the application cannot tell either: the copy's reason header says so.
     */
    private PendingSend deadLetterCopy(PendingSend failed, MessagingException error) {
        Message<?> original = failed.message;
        Headers why = Headers.of("switchboard.dead-letter.destination", original.destination().name())
                .with("switchboard.dead-letter.reason", error.reason().name())
                .with("switchboard.dead-letter.message", String.valueOf(error.getMessage()));
        // the same key, value, timestamp and priority; no delay or time to live, which were the original's wishes
        Message<?> letter = new Message<>(deadLetter, original.key(), original.value(), Headers.empty(),
                original.timestamp(), null, null, original.priority());
        PendingSend send = new PendingSend(letter, failed.value(), why.withAbsent(failed.headers()),
                System.nanoTime() + deliveryTimeoutNanos, PendingSend.INTERNAL, outcomes);
        send.whenComplete((receipt, e) -> {
            if (e != null) {
                Log.deadLetterFailed(deadLetter.name(), e);
            }
        });
        inFlight.add(send);
        return send;
    }

    @Override
    public FlushResult flush(Duration timeout) {
        requireTimeout(timeout, "flush");
        long deadline = deadlineAfter(timeout);
        List<PendingSend> batch = inFlight.snapshot();
        if (!closed && !batch.isEmpty()) {
            try {
                backend.flush(timeout);
            } catch (RuntimeException e) {
                // the outcomes of the sends themselves say what happened; flush only reports how many are left
                Log.flushFailed(binding, e);
            }
        }
        return new FlushResult(InFlight.awaitAll(batch, deadline));
    }

    @Override
    public CloseResult close(Duration timeout) {
        requireTimeout(timeout, "close");
        long deadline = deadlineAfter(timeout);
        CompletableFuture<CloseResult> mine = new CompletableFuture<>();
        CompletableFuture<CloseResult> first = closing.compareAndExchange(null, mine);
        if (first != null) {
            return awaitOtherClose(first, timeout);
        }
        try {
            CloseResult result = closeWithin(deadline);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            sweeper.stop();
            helper.shutdownNow();
            expiryCallbacks.shutdown();
            tellInterceptors(false);
        }
    }

    /** Tells every interceptor the producer started or closed; one that throws is logged and skipped. */
    private void tellInterceptors(boolean started) {
        for (SendInterceptor interceptor : interceptors) {
            try {
                if (started) {
                    interceptor.onStart(info);
                } else {
                    interceptor.onClose(info);
                }
            } catch (RuntimeException e) {
                Log.observerFailed(e);
            }
        }
    }

    /**
     * Stops accepting; lets the core hand over what it still holds (retry backoffs, key and partition lanes); lets
     * the binding deliver; then fails what is left, choosing each reason from the state it is finished from.
     */
    private CloseResult closeWithin(long deadline) {
        closed = true;
        permits.wakeAll();
        // what close owes an account of: every message accepted before it began
        List<PendingSend> accepted = inFlight.snapshot();
        awaitHandedOver(deadline);
        try {
            backend.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } catch (RuntimeException e) {
            Log.closeFailed(binding, e);
        }
        InFlight.awaitAll(inFlight.snapshot(), deadline);
        for (PendingSend send : inFlight.snapshot()) {
            int from = send.claimFinish();
            if (from >= 0) {
                failClaimed(send, from == PendingSend.HANDED
                        ? new MessagingException(Reason.OUTCOME_UNKNOWN, "the producer closed before the broker acknowledged"
                        + " the message to " + send.destination() + "; it may have been written")
                        : new MessagingException(Reason.CLOSED, "the producer closed before the message to "
                        + send.destination() + " was written"));
            }
        }
        // a send another thread finished just now may still be telling its observers; the callers' futures
        // follow at once, so close does not return while one of them is pending
        InFlight.awaitSettled(accepted, System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        // failed by the core just now or by the binding while it closed: either way not delivered
        long abandoned = accepted.stream().filter(send -> !send.isInternal() && !send.isAcknowledged()).count();
        return new CloseResult(abandoned);
    }

    /** Waits, within the deadline, until the core holds no accepted message back from the binding. */
    private void awaitHandedOver(long deadline) {
        while (deadline - System.nanoTime() > 0 && inFlight.snapshot().stream().anyMatch(PendingSend::isQueued)) {
            LockSupport.parkNanos(this, DeadlineSweeper.TICK_NANOS);
        }
    }

    /** Now plus the timeout, saturating instead of overflowing for huge timeouts. */
    private static long deadlineAfter(Duration timeout) {
        long nanos = timeout.compareTo(Duration.ofDays(365)) > 0 ? TimeUnit.DAYS.toNanos(365) : timeout.toNanos();
        return System.nanoTime() + nanos;
    }

    private static CloseResult awaitOtherClose(CompletableFuture<CloseResult> first, Duration timeout) {
        try {
            return first.get(Math.max(0, deadlineAfter(timeout) - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new MessagingException(Reason.TIMEOUT, "another thread is closing this producer and did not finish within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException(Reason.TIMEOUT, "interrupted while another thread closes this producer", e);
        }
    }

    @Override
    public void close() {
        close(settings.closeTimeout());
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public String binding() {
        return binding;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return backend.unwrap(type).orElseThrow(() -> new MessagingException(Reason.UNSUPPORTED, "the " + binding
                + " binding has no native object of type " + type.getName()));
    }

    @Override
    public String toString() {
        return "Producer[binding=" + binding + ", client-id=" + settings.clientId() + (closed ? ", closed" : "") + "]";
    }

    private List<SendObserver> observe(Message<?> message) {
        if (interceptors.isEmpty()) {
            return List.of();
        }
        List<SendObserver> observers = new ArrayList<>(interceptors.size());
        for (SendInterceptor interceptor : interceptors) {
            try {
                SendObserver observer = interceptor.onSend(info, message);
                if (observer != null && observer != SendObserver.NONE) {
                    observers.add(observer);
                }
            } catch (RuntimeException e) {
                Log.observerFailed(e);
            }
        }
        return observers;
    }

    private Headers headersFor(Message<?> message, List<SendObserver> observers) {
        Headers headers = message.headers();
        for (int i = 0; i < observers.size(); i++) {
            SendObserver observer = observers.get(i);
            try {
                headers = headers.withAbsent(observer.headers());
            } catch (RuntimeException e) {
                Log.observerFailed(e);
            }
        }
        if (settings.contentTypeHeader()) {
            String contentType = serializer.contentType().orElse(null);
            if (contentType != null && !headers.contains(Headers.CONTENT_TYPE)) {
                headers = headers.isEmpty() ? contentTypeOnly(contentType) : headers.with(Headers.CONTENT_TYPE, contentType);
            }
        }
        return headers;
    }

    /** The headers of a message that has none but its content type: one shared instance per content type. */
    private Headers contentTypeOnly(String contentType) {
        Headers cached = contentTypeHeaders;
        if (cached == null || !contentType.equals(cached.get(Headers.CONTENT_TYPE).orElse(null))) {
            cached = Headers.of(Headers.CONTENT_TYPE, contentType);
            contentTypeHeaders = cached;
        }
        return cached;
    }

    private byte[] serialize(V value) {
        byte[] bytes;
        try {
            bytes = serializer.serialize(value);
        } catch (RuntimeException e) {
            throw new MessagingException(Reason.SERIALIZATION, "the serializer failed on a " + value.getClass().getSimpleName()
                    + " value: " + e + "; nothing was sent", e);
        }
        if (bytes == null) {
            throw new MessagingException(Reason.SERIALIZATION, "the serializer returned null for a "
                    + value.getClass().getSimpleName() + " value; expected bytes (empty is fine); nothing was sent");
        }
        return bytes;
    }

    private void requireCapabilities(Message<?> message) {
        if (message.timestamp() != null) {
            requireForMessage(Capability.TIMESTAMPS, "a timestamp");
        }
        if (message.deliveryDelay() != null) {
            requireForMessage(Capability.DELIVERY_DELAY, "a delivery delay");
        }
        if (message.timeToLive() != null) {
            requireForMessage(Capability.TIME_TO_LIVE, "a time to live");
        }
        if (message.priority() != null) {
            requireForMessage(Capability.PRIORITY, "a priority");
        }
        if (message.destination().kind() == Destination.Kind.QUEUE) {
            requireForMessage(Capability.QUEUES, "a queue destination");
        }
    }

    private void requireForMessage(Capability needed, String what) {
        if (!capabilities.contains(needed)) {
            throw new MessagingException(Reason.UNSUPPORTED, "the message has " + what + ", which needs capability "
                    + needed + "; the " + binding + " binding does not offer it, so nothing was sent. Remove "
                    + what.replaceFirst("^an? ", "the ") + " or use a binding that offers " + needed.name().toLowerCase(Locale.ROOT));
        }
    }

    private MessagingException closedError() {
        return new MessagingException(Reason.CLOSED, "the producer " + settings.clientId() + " is closed; create a new one to send");
    }

    private static void requireTimeout(Duration timeout, String operation) {
        if (timeout == null || timeout.isNegative()) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, operation + " timeout is " + timeout + "; expected zero or more");
        }
    }
}
