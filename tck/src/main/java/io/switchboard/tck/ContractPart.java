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
package io.switchboard.tck;

import io.switchboard.Capability;
import io.switchboard.Destination;
import io.switchboard.FlushResult;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.Serializer;
import io.switchboard.Serializers;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static io.switchboard.tck.ProbeReads.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every part of the contract shares: the case's scope and probe, opened before and closed after each case,
 * the kit's bounds, and the helpers the cases are written with. Each part of the contract is one subclass in its
 * own file; {@link BindingCompatibilityKit} nests one of each, so a maintainer runs them all by extending the kit.
 */
abstract class ContractPart {
    /** How long what should be there may take to appear: the probe's wait and healthy sends' bound. */
    static final Duration PATIENCE = Duration.ofSeconds(15);
    /** How long a producer may take to send again after its broker restarted (longer than {@link #PATIENCE}). */
    static final Duration RECOVERY_PATIENCE = BrokerControl.RECOVERY_PATIENCE;
    /** What the kit adds to a flush or close timeout before calling it a hang. */
    static final Duration MARGIN = Duration.ofSeconds(10);
    /** The timeout the kit gives flush. */
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);
    /** The timeout the kit gives close. */
    static final Duration CLOSE_TIMEOUT_USED = Duration.ofSeconds(10);
    /**
     * How late after its deadline a future may finish: the producer's deadline sweeper ticks every few milliseconds,
     * but on a loaded machine a thread can wait a second for a core. A hang (a blocked client, a missing deadline)
     * is late by the client's own timeouts, tens of seconds, so this still catches it.
     */
    static final Duration DEADLINE_TOLERANCE = Duration.ofSeconds(2);
    /** What a long linger is: longer than any case waits for an acknowledgement it does not flush for. */
    static final String LONG_LINGER = "20s";
    /** A delivery timeout that outlasts {@link #LONG_LINGER}. */
    static final String OUTLASTING_TIMEOUT = "40s";
    /** The content type of {@link Serializers#string()}. */
    static final String TEXT = "text/plain; charset=utf-8";

    static final Executor ASIDE = task -> {
        Thread thread = new Thread(task, "switchboard-tck-aside");
        thread.setDaemon(true);
        thread.start();
    };

    CaseScope scope;
    ProbeReads probe;

    @BeforeEach
    void openCase(TestInfo info) {
        BindingFixture fixture = fixture();
        assertThat(fixture).as("fixture() of " + getClass().getName()).isNotNull();
        scope = new CaseScope(fixture, info.getTestMethod().map(Method::getName).orElse("case"));
        probe = new ProbeReads(fixture.probe(), PATIENCE);
    }

    @AfterEach
    void closeCase() {
        if (scope != null) {
            scope.close();
        }
    }

    private final Object kit;
    private final Supplier<BindingFixture> fixtures;

    ContractPart(BindingCompatibilityKit kit) {
        this(kit, kit::fixture);
    }

    /** For a kit class that runs some parts only ({@link ReliabilityKit}): its instance and its fixture. */
    ContractPart(Object kit, Supplier<BindingFixture> fixtures) {
        this.kit = kit;
        this.fixtures = fixtures;
    }

    /** The maintainer's kit class, e.g. {@code ArtemisCompatibilityTest}: names what a case writes down. */
    String kitName() {
        return kit.getClass().getSimpleName();
    }

        /** The kit's fixture, as the maintainer's subclass returns it. */
    BindingFixture fixture() {
        return fixtures.get();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Settings that add nothing. */
    static final Map<String, String> KIT_NONE = Map.of();

    Producer<String> strings(String... settings) {
        return scope.open(Serializers.string(), settings(settings), null);
    }

    Producer<String> strings(Map<String, String> settings) {
        return scope.open(Serializers.string(), settings, null);
    }

    Producer<byte[]> bytes(String... settings) {
        return scope.open(Serializers.bytes(), settings(settings), null);
    }

    Destination topic(int partitions) {
        return scope.destination(partitions);
    }

    /** Four partitions when the binding claims partitions, one otherwise. */
    Destination partitioned() {
        return topic(claims(Capability.PARTITIONS) ? 4 : 1);
    }

    boolean claims(Capability capability) {
        return fixture().capabilities().contains(capability);
    }

    /**
     * Whether the binding claims {@code capability}. When it does not, the case checks the other side of the
     * contract instead of being skipped: using the feature fails UNSUPPORTED before anything is sent.
     */
    boolean claimedOrRefused(Capability capability, ThrowingCallable use) {
        if (claims(capability)) {
            return true;
        }
        assertThat(catchThrowable(use)).as("using %s, which the binding does not claim", capability)
                .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED));
        return false;
    }

    /** A serializer that fails on values starting with "refuse". */
    static Serializer<String> picky() {
        return value -> {
            if (value.startsWith("refuse")) {
                throw new IllegalStateException("the kit's serializer refuses '" + value + "'");
            }
            return value.getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A message using the first optional message feature the binding does not claim, or null if it claims all. */
    Message<String> unclaimedFeature(Destination d) {
        for (Capability c : List.of(Capability.PRIORITY, Capability.DELIVERY_DELAY, Capability.TIME_TO_LIVE,
                Capability.TIMESTAMPS, Capability.QUEUES)) {
            if (!claims(c)) {
                return featureMessage(c, d);
            }
        }
        return null;
    }

    /** A message to {@code d} that uses {@code capability}'s message feature. */
    static Message<String> featureMessage(Capability capability, Destination d) {
        return switch (capability) {
            case TIMESTAMPS -> Message.to(d).key("k").timestamp(Instant.now()).value("refused-timestamp");
            case DELIVERY_DELAY -> Message.to(d).key("k").deliveryDelay(Duration.ofMillis(10)).value("refused-delay");
            case TIME_TO_LIVE -> Message.to(d).key("k").timeToLive(Duration.ofMinutes(1)).value("refused-ttl");
            case PRIORITY -> Message.to(d).key("k").priority(5).value("refused-priority");
            case QUEUES -> Message.to(Destination.queue(d.name())).key("k").value("refused-queue");
            default -> throw new IllegalArgumentException(capability + " is not a message feature");
        };
    }

    static CompletableFuture<Receipt> send(SentBatch batch, Producer<String> producer, Message<String> message) {
        return batch.add(message.value(), producer.sendAsync(message));
    }

    /** Sends {@code count} messages of one key, asynchronously. */
    static SentBatch sendKeyed(Producer<String> producer, Destination d, int count) {
        SentBatch batch = new SentBatch();
        for (int i = 0; i < count; i++) {
            send(batch, producer, Message.to(d).key("k").value("m-" + i));
        }
        return batch;
    }

    /** Sends "warm-up" (key k) and waits for it, so the client knows the destination before a stall or outage. */
    /**
     * Sends a message once the producer has reconnected: the client needs a moment after a restart (reconnect
     * backoff, metadata, a new session), and a short delivery timeout may run out in it, so a failed attempt is
     * tried again within {@link #RECOVERY_PATIENCE}. The cases only need the message to be there eventually, behind the others.
     */
    static void sendAfterRestart(Producer<String> producer, Message<String> message) {
        String what = "a send after the restart is acknowledged (" + message.value() + ")";
        // the last refusal is what a maintainer needs when the producer never recovers, so it is kept, not ignored
        AtomicReference<MessagingException> lastRefusal = new AtomicReference<>();
        try {
            await(what).atMost(RECOVERY_PATIENCE).until(() -> {
                try {
                    return producer.send(message) != null;
                } catch (MessagingException e) {
                    lastRefusal.set(e);
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the producer did not recover: no " + what + " within " + RECOVERY_PATIENCE
                    + "; the last attempt failed with " + lastRefusal.get() + "\nthe producer's threads:\n"
                    + ThreadSnapshot.of("switchboard"), e);
        }
    }

    static void warmUp(Producer<String> producer, Destination d) {
        CompletableFuture<Receipt> future = producer.sendAsync(Message.to(d).key("k").value("warm-up"));
        flushInBound(producer, FLUSH_TIMEOUT);
        assertThat(future).as("the warm-up send").succeedsWithin(PATIENCE);
    }

    /**
     * Flushes, failing the case if the flush does not return within {@code timeout} plus {@link #MARGIN}: every
     * flush the kit makes is bounded, so a binding that hangs fails a case instead of hanging the build.
     */
    static FlushResult flushInBound(Producer<?> producer, Duration timeout) {
        return assertTimeoutPreemptively(timeout.plus(MARGIN), () -> producer.flush(timeout),
                "flush(" + timeout + ") did not return in bound");
    }

    /** Requires the stalled sends to be held: pending, and under a stopped broker not acknowledged. */
    static void requireHeld(SentBatch batch, Stall stall) {
        if (stall.byBroker()) {
            assertThat(batch.acknowledgedSoFar()).as("sends acknowledged while " + stall.how()).isZero();
        }
        assumeTrue(batch.pending() == batch.size(), "the binding finished sends at once while " + stall.how()
                + " instead of holding them, so the kit cannot fill its buffer");
    }

    static Set<String> doneSoFar(SentBatch batch) {
        Set<String> done = new HashSet<>();
        List<String> values = batch.values();
        List<CompletableFuture<Receipt>> futures = batch.futures();
        for (int i = 0; i < values.size(); i++) {
            if (futures.get(i).isDone()) {
                done.add(values.get(i));
            }
        }
        return done;
    }

    static Map<String, Set<Integer>> partitionsByKey(List<ProbedMessage> read) {
        Map<String, Set<Integer>> out = new LinkedHashMap<>();
        read.forEach(m -> out.computeIfAbsent(String.valueOf(m.key()), k -> new HashSet<>()).add(m.partition()));
        return out;
    }

    /** The failure of a future that must already have failed. */
    static MessagingException failure(CompletableFuture<?> future) {
        return failure(future, Duration.ZERO);
    }

    /** The failure of a future that must fail within {@code wait}. */
    static MessagingException failure(CompletableFuture<?> future, Duration wait) {
        if (!wait.isZero()) {
            await("the send to fail").atMost(wait).until(future::isDone);
        }
        assertThat(future).as("a send that must fail at once").isDone();
        Throwable error = future.handle((r, e) -> e).join();
        assertThat(error).as("a send that must fail succeeded").isNotNull();
        return SentBatch.asMessagingException(error);
    }

    /** Runs {@code call}, which must throw a MessagingException with {@code reason}, and returns it. */
    static MessagingException thrown(Reason reason, ThrowingCallable call) {
        Throwable e = catchThrowable(call);
        assertThat(e).as("expected a MessagingException with reason " + reason).isInstanceOf(MessagingException.class);
        MessagingException me = (MessagingException) e;
        assertThat(me.reason()).as("reason of: " + me.getMessage()).isEqualTo(reason);
        return me;
    }

    static Map<String, String> settings(String... keysAndValues) {
        return with(KIT_NONE, keysAndValues);
    }

    static Map<String, String> with(Map<String, String> base, String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("settings come in key, value pairs");
        }
        Map<String, String> out = new LinkedHashMap<>(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    static Map<String, String> ordered(String... keysAndValues) {
        return with(KIT_NONE, keysAndValues);
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the start signal did not come");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A type no binding has, for unwrap. */
    static final class NothingOfTheKind {
        private NothingOfTheKind() {
        }
    }
}
