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

import io.switchboard.faults.Fault;
import io.switchboard.faults.FaultyProxy;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sendAsync returns at once whatever Pulsar is doing: opening a destination's producer, looking up partitions, or
 * failing to reach the broker. The proxy holds the broker's answers or refuses connections, so the broker itself
 * keeps running.
 */
class NonBlockingTest extends BrokerTest {
    /**
     * The delivery timeout of the producers that cannot reach the broker. The binding fails a record still waiting
     * for its producer {@code DeadlineMargin} (here 1 s) before the deadline, and that early answer, not the core's
     * OUTCOME_UNKNOWN at the deadline, is what the first case asserts; 1 s leaves room for a loaded machine.
     */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);
    /** How long sendAsync may wait for buffer room: far longer than {@link #QUICK}, so blocking on it shows. */
    private static final Duration MAX_BLOCK = Duration.ofSeconds(30);
    /**
     * The bound on each sendAsync call. What the cases rule out is a call that waits for Pulsar: for the producer to
     * open or the partitions to be looked up (Pulsar's operation timeout, here 9 s), for buffer room
     * ({@link #MAX_BLOCK}), or for the delivery timeout. Each of those takes 9 s or more, so 2.5 s tells them apart
     * from a call that is only slow because the machine is loaded (class loading, GC, a stolen core).
     */
    private static final Duration QUICK = Duration.ofMillis(2500);

    @Test
    void sendAsyncReturnsAtOnceWhileTheDestinationsProducerIsOpening() {
        String topic = topic("opening");
        try (FaultyProxy proxy = FaultyProxy.socks5()) {
            proxy.fault(Fault.SWALLOW_REPLIES);
            Producer<String> producer = unreachable(proxy);
            List<CompletableFuture<Receipt>> sent = sendTimed(producer, topic, false);
            assertThat(sent).noneMatch(CompletableFuture::isDone);
            for (CompletableFuture<Receipt> future : sent) {
                assertThat(reasonOf(future)).as("a message that waited for its producer until the timeout")
                        .isEqualTo(Reason.TIMEOUT);
            }
        }
    }

    @Test
    void sendAsyncReturnsAtOnceWhileTheBrokerIsUnreachable() {
        String topic = topic("unreachable");
        try (FaultyProxy proxy = FaultyProxy.socks5()) {
            proxy.fault(Fault.REFUSE);
            Producer<String> producer = unreachable(proxy);
            List<CompletableFuture<Receipt>> sent = sendTimed(producer, topic, false);
            for (CompletableFuture<Receipt> future : sent) {
                assertThat(reasonOf(future)).isIn(Reason.TIMEOUT, Reason.UNAVAILABLE);
            }
        }
    }

    @Test
    void sendAsyncReturnsAtOnceWhileRoundRobinWaitsForThePartitionCount() {
        String topic = partitioned("partition-count", 3);
        try (FaultyProxy proxy = FaultyProxy.socks5()) {
            proxy.fault(Fault.SWALLOW_REPLIES);
            Producer<String> producer = unreachable(proxy, ProducerSettings.PARTITIONER, "round-robin");
            List<CompletableFuture<Receipt>> sent = sendTimed(producer, topic, true);
            for (CompletableFuture<Receipt> future : sent) {
                assertThat(reasonOf(future)).as("not written: the partition count never came")
                        .isIn(Reason.TIMEOUT, Reason.UNAVAILABLE);
            }
        }
    }

    @Test
    void aRecordWaitingForItsProducerFailsOnTheBindingsOwnThreadWhileTheCommonPoolIsBusy() throws Exception {
        String topic = topic("busy-pool");
        // Every thread of the shared common pool (one on a 2-core machine) is held by user code: the early failure
        // of a record waiting for its producer must not depend on it, or the core's deadline would fail the record
        // as OUTCOME_UNKNOWN instead.
        int threads = ForkJoinPool.getCommonPoolParallelism();
        CountDownLatch holding = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            ForkJoinPool.commonPool().execute(() -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try (FaultyProxy proxy = FaultyProxy.socks5()) {
            assertThat(holding.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).as("the common pool is held").isTrue();
            proxy.fault(Fault.SWALLOW_REPLIES);
            // Pulsar's own operation timeout far beyond the delivery timeout, so that only the binding can say TIMEOUT
            // before the deadline; 5 s of delivery timeout leave its 500 ms margin ahead of the core's deadline.
            Duration timeout = Duration.ofSeconds(5);
            Producer<String> producer = producers.open(ProducerSettings.DELIVERY_TIMEOUT, timeout.toMillis() + "ms",
                    "pulsar.client.operationTimeoutMs", "60000", "pulsar.client.socks5ProxyAddress", proxy.address());
            AtomicReference<String> failedOn = new AtomicReference<>();
            long start = System.nanoTime();
            CompletableFuture<Receipt> sent = producer.sendAsync(Message.to(topic).key("k").value("waiting"));
            // noted in the same dependant the test waits for: a second one might run only after the wait returned
            Throwable error = bounded(sent.handle((r, e) -> {
                failedOn.set(Thread.currentThread().getName());
                return e;
            }));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to the failure").isLessThan(timeout);
            assertThat(error).isInstanceOf(MessagingException.class);
            assertThat(((MessagingException) error).reason()).as("known not written: it never left the binding")
                    .isEqualTo(Reason.TIMEOUT);
            assertThat(error.getMessage()).contains("could not open a producer");
            assertThat(failedOn.get()).as("the thread that failed it").startsWith("switchboard-pulsar-timer-");
        } finally {
            release.countDown();
        }
    }

    @Test
    void messagesThatWaitedForTheirProducerAreSentInOrderOnceItOpens() {
        String topic = topic("waited");
        Producer<String> producer = producers.open();
        List<CompletableFuture<Receipt>> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add(producer.sendAsync(Message.to(topic).key("k").value("m-" + i)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add("m-" + i);
        }
        assertThat(values(read(topic, 200))).containsExactlyElementsOf(expected);
    }

    /** A producer that goes through the proxy, with the timeouts above, and these settings (key, value pairs). */
    private Producer<String> unreachable(FaultyProxy proxy, String... settings) {
        Map<String, String> all = TestProducers.pairs(settings);
        all.put(ProducerSettings.DELIVERY_TIMEOUT, DELIVERY_TIMEOUT.toMillis() + "ms");
        all.put(ProducerSettings.MAX_BLOCK, MAX_BLOCK.toMillis() + "ms");
        all.put("pulsar.client.socks5ProxyAddress", proxy.address());
        return producers.open(all);
    }

    /** Sends 100 messages, each sendAsync timed; returns the futures. */
    private static List<CompletableFuture<Receipt>> sendTimed(Producer<String> producer, String topic, boolean unkeyed) {
        List<CompletableFuture<Receipt>> sent = new ArrayList<>();
        long slowest = 0;
        for (int i = 0; i < 100; i++) {
            Message<String> message = unkeyed ? Message.to(topic).value("m-" + i)
                    : Message.to(topic).key("k").value("m-" + i);
            long start = System.nanoTime();
            sent.add(producer.sendAsync(message));
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        assertThat(Duration.ofNanos(slowest)).as("the slowest of 100 sendAsync calls").isLessThan(QUICK);
        return sent;
    }

    private static Reason reasonOf(CompletableFuture<Receipt> future) {
        Throwable error = bounded(future.handle((r, e) -> e));
        assertThat(error).isInstanceOf(MessagingException.class);
        return ((MessagingException) error).reason();
    }
}
