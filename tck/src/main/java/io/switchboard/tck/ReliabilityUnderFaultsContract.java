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

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.Destination;
import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.ProducerBuilder;
import io.switchboard.ProducerSettings;
import io.switchboard.Receipt;
import io.switchboard.Serializers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reliability under faults: several threads send keyed messages while a schedule of faults plays (a frozen link,
 * swallowed replies, cut connections, a slow link, half-open connections, a broker stopped and started, as far as
 * the fixture can produce them). Afterwards the broker's own client reads everything, and each send's outcome is
 * held against it: nothing acknowledged is missing, nothing reported "not written" is there, acknowledged messages
 * keep their per-key order, no future finishes late and no call blocks beyond max-block. Once the faults are over,
 * the producer gets {@link #RECOVERY_BOUND} to deliver again, then sends {@link #AFTER_RECOVERY} more: how many of
 * those are acknowledged is reported in the table, not yet required (after this schedule, ActiveMQ Classic's
 * producer, and Pulsar's in some runs, had not delivered again within that bound).
 *
 * <p>The short run in every build sends at least {@value #MINIMUM_SENDS} messages; a soak plays the schedule again
 * and again for longer with {@code -Dswitchboard.soak.seconds=N}. Each run writes its table to
 * {@code target/reliability/}.
 */
abstract class ReliabilityUnderFaultsContract extends ContractPart {
    static final int MINIMUM_SENDS = 10_000;
    private static final int THREADS = 3;
    private static final int KEYS_PER_THREAD = 10;
    /** Messages per second per thread while the link is healthy: enough for the minimum within the schedule. */
    private static final int RATE_PER_THREAD = 170;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(4);
    private static final Duration MAX_BLOCK = Duration.ofSeconds(3);
    /** How much later than its bound a call or a future may end on a loaded 2-core machine. */
    private static final Duration TOLERANCE = DEADLINE_TOLERANCE;
    private static final String SOAK_PROPERTY = "switchboard.soak.seconds";
    /** How soon after the faults the producer must deliver again. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);
    /** Sends after recovery, each of which must be acknowledged. */
    private static final int AFTER_RECOVERY = 200;
    private static final String RECOVERY_KEY = "after-recovery";

    ReliabilityUnderFaultsContract(BindingCompatibilityKit kit) {
        super(kit);
    }

    ReliabilityUnderFaultsContract(ReliabilityKit kit) {
        super(kit, kit::fixture);
    }

    @Test
    @DisplayName("under a schedule of faults nothing acknowledged is lost, nothing not written is stored, order holds, nothing hangs")
    void nothingLostOrHungUnderFaults() {
        Optional<FaultyLink> link = fixture().faultyLink();
        boolean brokerControl = scope.brokerControl().isPresent();
        BrokerControl leader = fixture().leaderControl().orElse(null);
        assumeTrue(link.isPresent() || brokerControl || leader != null, "the fixture offers neither a faulty link "
                + "(BindingFixture.faultyLink()) nor broker or leader control, so no fault can be played");
        try (FaultyLink faulty = link.orElse(null)) {
            LossAndHangReport report = run(faulty, brokerControl, leader);
            write(report);
            assertThat(report.violations()).as(report.table(kitName())).isEmpty();
            assertThat(report.sent()).as(report.table("sends")).isGreaterThanOrEqualTo(MINIMUM_SENDS);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    private LossAndHangReport run(FaultyLink link, boolean brokerControl, BrokerControl leader) {
        Destination d = topic(3);
        Map<String, String> settings = new HashMap<>(link == null ? Map.of() : link.producerProperties());
        settings.put(ProducerSettings.DELIVERY_TIMEOUT, DELIVERY_TIMEOUT.toMillis() + "ms");
        settings.put(ProducerSettings.MAX_BLOCK, MAX_BLOCK.toMillis() + "ms");
        settings.put(ProducerSettings.BUFFER_MAX_MESSAGES, "2000");
        ProducerBuilder<String> builder = scope.builder(Serializers.string(), settings);
        if (link != null) {
            link.producerResources().forEach((type, resource) -> CaseScope.addResource(builder, type, resource));
        }
        Producer<String> producer = scope.track(builder.build());
        warmUp(producer, d);

        ConcurrentLinkedQueue<SendRecord> sends = new ConcurrentLinkedQueue<>();
        AtomicBoolean faultsOver = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        long soakUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong(SOAK_PROPERTY, 0));
        List<Thread> senders = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLongArray inCallSince = new java.util.concurrent.atomic.AtomicLongArray(THREADS);
        List<String> thrown = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread sender = new Thread(() -> send(producer, d, thread, sends, sent, inCallSince, () -> faultsOver.get()
                    && sent.get() >= MINIMUM_SENDS && System.nanoTime() - soakUntil > 0), "switchboard-tck-sender-" + t);
            sender.setDaemon(true);
            sender.setUncaughtExceptionHandler((th, e) -> thrown.add("sendAsync threw on " + th.getName() + ": " + e));
            senders.add(sender);
        }
        senders.forEach(Thread::start);
        List<String> faults = new ArrayList<>();
        try {
            do {
                faults.addAll(FaultSchedule.of(link, scope, brokerControl, leader).play());
            } while (System.nanoTime() - soakUntil < 0);
        } finally {
            if (link != null) {
                link.fault(io.switchboard.faults.Fault.PASS);
            }
            faultsOver.set(true);
        }
        List<String> senderProblems = new ArrayList<>(thrown);
        for (int t = 0; t < senders.size(); t++) {
            join(senders.get(t));
            long since = inCallSince.get(t);
            if (senders.get(t).isAlive() && since != 0) {
                senderProblems.add("sendAsync of sender " + t + " had not returned after "
                        + Duration.ofNanos(System.nanoTime() - since));
            }
        }
        Recovery recovery = recover(producer, d, sends);
        List<SendRecord> all = List.copyOf(sends);
        awaitOutcomes(all);
        return LossAndHangReport.of(all, readEverything(d, all), DELIVERY_TIMEOUT, MAX_BLOCK, TOLERANCE, faults,
                senderProblems, recovery.afterRecovery());
    }

    /** What the producer did once the faults were over: how long it took to deliver again, and the sends after. */
    private record Recovery(Duration took, List<SendRecord> afterRecovery) {
    }

    /**
     * Once the faults are over, the producer must deliver again within {@link #RECOVERY_BOUND}, and then every one
     * of {@link #AFTER_RECOVERY} further sends must be acknowledged.
     */
    private static Recovery recover(Producer<String> producer, Destination d, ConcurrentLinkedQueue<SendRecord> sends) {
        long start = System.nanoTime();
        int sequence = 0;
        while (System.nanoTime() - start < RECOVERY_BOUND.toNanos()) {
            long callStart = System.nanoTime();
            CompletableFuture<Receipt> probe = producer.sendAsync(Message.to(d).key(RECOVERY_KEY)
                    .value(SendRecord.value(RECOVERY_KEY, sequence)));
            SendRecord record = new SendRecord(RECOVERY_KEY, sequence++, callStart, System.nanoTime(), probe);
            sends.add(record);
            try {
                record.recorded.get(DELIVERY_TIMEOUT.plus(TOLERANCE).toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // not yet: the report shows how this send ended
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (record.acknowledged()) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        List<SendRecord> after = new ArrayList<>();
        for (int i = 0; i < AFTER_RECOVERY; i++) {
            long callStart = System.nanoTime();
            CompletableFuture<Receipt> future = producer.sendAsync(Message.to(d).key(RECOVERY_KEY)
                    .value(SendRecord.value(RECOVERY_KEY, sequence)));
            SendRecord record = new SendRecord(RECOVERY_KEY, sequence++, callStart, System.nanoTime(), future);
            sends.add(record);
            after.add(record);
        }
        return new Recovery(Duration.ofNanos(System.nanoTime() - start), after);
    }

    /**
     * Everything the destination holds. A first read stops once it has seen as many messages as were sent; only if
     * an acknowledged message then seems missing (duplicates can make up the count) is the destination read
     * again, for longer, until nothing more arrives, so that a loss is reported only after a full read.
     */
    private List<ProbedMessage> readEverything(Destination d, List<SendRecord> sends) {
        List<ProbedMessage> read = fixture().probe().read(d, sends.size() + 1, Duration.ofSeconds(10));
        java.util.Set<String> stored = new java.util.HashSet<>();
        read.forEach(m -> stored.add(m.valueAsString()));
        boolean seemsMissing = sends.stream().anyMatch(s -> s.acknowledged() && !stored.contains(s.value()));
        if (!seemsMissing) {
            return read;
        }
        Duration longer = Duration.ofSeconds(15).plusMillis(sends.size());
        return fixture().probe().read(d, Integer.MAX_VALUE, longer);
    }

    /** One sender: its own keys, each key's sequence rising, at a steady rate; stops when {@code done} says so. */
    private static void send(Producer<String> producer, Destination d, int thread, ConcurrentLinkedQueue<SendRecord> sends,
                             AtomicInteger sent, java.util.concurrent.atomic.AtomicLongArray inCallSince,
                             java.util.function.BooleanSupplier done) {
        int[] sequences = new int[KEYS_PER_THREAD];
        long interval = TimeUnit.SECONDS.toNanos(1) / RATE_PER_THREAD;
        long next = System.nanoTime();
        for (int i = 0; !done.getAsBoolean(); i++) {
            int slot = i % KEYS_PER_THREAD;
            String key = "t" + thread + "-k" + slot;
            int sequence = sequences[slot]++;
            long start = System.nanoTime();
            inCallSince.set(thread, start);
            CompletableFuture<Receipt> future = producer.sendAsync(Message.to(d).key(key).value(SendRecord.value(key, sequence)));
            inCallSince.set(thread, 0);
            sends.add(new SendRecord(key, sequence, start, System.nanoTime(), future));
            sent.incrementAndGet();
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -TimeUnit.SECONDS.toNanos(1)) {
                next = System.nanoTime(); // after a blocked call: no burst to catch up
            }
        }
    }

    /** Waits, bounded, for every outcome: the delivery timeout and the tolerance, then a margin. */
    private static void awaitOutcomes(List<SendRecord> sends) {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.plus(TOLERANCE).plus(MARGIN).toNanos();
        for (SendRecord send : sends) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                send.recorded.get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // failed: the report reads the outcome from the record
            } catch (java.util.concurrent.TimeoutException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void join(Thread sender) {
        try {
            sender.join(MAX_BLOCK.plus(MARGIN).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the run's table to {@code target/reliability/}, where a maintainer finds its counts. */
    private void write(LossAndHangReport report) {
        long soak = Long.getLong(SOAK_PROPERTY, 0);
        String name = kitName() + (soak > 0 ? "-soak" : "");
        Path file = Path.of("target", "reliability", name + ".md");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, report.table(name + (soak > 0 ? ", soak of " + soak + " s" : ", short run")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reliability table to " + file, e);
        }
    }
}
