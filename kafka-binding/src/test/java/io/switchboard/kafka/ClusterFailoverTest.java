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

import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import io.switchboard.embedded.kafka.EmbeddedKafkaCluster;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.ReliabilityKit;
import io.switchboard.tck.kafka.KafkaFixture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node of a three-node cluster stops in mid-stream and comes back: with {@code acks=all} and
 * {@code min.insync.replicas=2} nothing Switchboard acknowledged is lost, each key keeps its order, every future
 * ends within the delivery timeout, and every failure is a truthful, retryable one. Checked by reading the topic
 * back with Kafka's own consumer.
 *
 * <p>One cluster for the class. Sends run on their own paced thread; the test thread stops and starts the node
 * while they go on.
 */
class ClusterFailoverTest {
    private static final int MESSAGES = 3000;
    private static final int KEYS = 100;
    private static final int PARTITIONS = 6;
    /** The node stops once this many messages are acknowledged (sends go on meanwhile). */
    private static final int FIRST_THIRD = MESSAGES / 3;
    /** Sends may run this far while the node shuts down; the rest of the second third waits until it is down. */
    private static final int DURING_SHUTDOWN_LIMIT = FIRST_THIRD + MESSAGES / 6;
    /** The end of the second third: sent while the node is down. */
    private static final int SECOND_THIRD = 2 * MESSAGES / 3;
    /** Up to here sent while the node starts again; the rest once it is back in every ISR. */
    private static final int DURING_RESTART_LIMIT = SECOND_THIRD + MESSAGES / 6;
    /** The paced sender: this many sends per tick... */
    private static final int PER_TICK = 10;
    /** ...every this many milliseconds (400 messages/s, so a node stops and starts in mid-stream). */
    private static final long TICK_MILLIS = 25;

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Lateness tolerated past a future's deadline. The core's sweeper fails every unfinished future at its deadline
     * (it ticks every 5 ms), so a later end is scheduling lateness only: on a loaded 2-core machine, while a node
     * of the cluster (in this JVM) shuts down or starts, a thread may wait for a core or a GC pause for a good
     * fraction of a second. A future that hangs, or waits for something else than its deadline, is still caught.
     */
    private static final Duration DEADLINE_SLACK = Duration.ofSeconds(3);
    /**
     * How long one sendAsync call may take: it only queues (no buffer is anywhere near full here). What this rules
     * out is a call blocking for Kafka's metadata ({@code max.block.ms}, 4.5 s with the 10 s delivery timeout) or
     * for room in the buffer ({@link Producers#NO_QUICK_MAX_BLOCK}, 20 s); see {@link Producers#SEND_ASYNC_BOUND}.
     */
    private static final Duration SEND_ASYNC_BOUND = Producers.SEND_ASYNC_BOUND;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration READ = Duration.ofSeconds(20);

    private static final AtomicInteger IDS = new AtomicInteger();

    private static EmbeddedKafkaCluster cluster;
    private static Admin admin;

    @BeforeAll
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    static void startCluster() {
        cluster = EmbeddedKafkaCluster.builder()
                .nodes(3)
                .autoCreateTopics(false)
                .timeout(WAIT)
                .build()
                .start();
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.CLIENT_ID_CONFIG, "cluster-failover-admin"));
    }

    @AfterAll
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    static void closeCluster() {
        try {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    /** A test that failed half-way may have left its node down; the next one starts from a full cluster. */
    @AfterEach
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void allNodesBack() {
        for (int node = 0; node < cluster.nodeCount(); node++) {
            if (!cluster.isNodeRunning(node)) {
                cluster.startNode(node);
            }
        }
        cluster.awaitReplicasInSync();
    }

    /**
     * The kit's loss-and-hang checker on this cluster: 3 threads send keyed messages while the leader of the
     * destination's first partition is stopped and started again.
     */
    @Nested
    @DisplayName("the kit's reliability part, with a leader stopped")
    class KafkaClusterReliability extends ReliabilityKit {
        private final KafkaFixture fixture = KafkaFixture.onCluster(cluster);

        @Override
        protected BindingFixture fixture() {
            return fixture;
        }

        @AfterEach
        void closeFixture() {
            fixture.close();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("at-least-once: a node stopped in mid-stream loses no acknowledged message, keys keep their order")
    void atLeastOnceSurvivesANodeStoppedInMidStream() throws Exception {
        Outcome outcome = new Run("at-least-once").execute();
        outcome.assertAcknowledgedSurvivedInOrder();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("effectively-once: the same, and no acknowledged message is stored twice")
    void effectivelyOnceSurvivesANodeStoppedInMidStreamWithoutDuplicates() throws Exception {
        Outcome outcome = new Run("effectively-once").execute();
        outcome.assertAcknowledgedSurvivedInOrder();
        assertThat(outcome.duplicatedAcknowledged())
                .as("acknowledged messages stored more than once (value -> copies)").isEmpty();
        assertThat(outcome.duplicatedAny()).as("any message stored more than once (value -> copies)").isEmpty();
    }

    /** When a message was handed to {@code sendAsync}, relative to the node's stop and start. */
    enum Phase { ALL_UP, STOPPING, DOWN, STARTING, BACK_IN_SYNC }

    /** One producer, one fresh topic, 3000 keyed messages, one node stopped and started in mid-stream. */
    private static final class Run {
        private final String guarantee;
        private final String topic;
        private final AtomicReferenceArray<CompletableFuture<Receipt>> futures = new AtomicReferenceArray<>(MESSAGES);
        /** Each future's bookkeeping stage: done once its completion time and count are recorded. */
        private final AtomicReferenceArray<CompletableFuture<Receipt>> recorded = new AtomicReferenceArray<>(MESSAGES);
        private final long[] sentAt = new long[MESSAGES];
        private final Phase[] phases = new Phase[MESSAGES];
        private final AtomicLongArray completedAt = new AtomicLongArray(MESSAGES);
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger acknowledged = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicLong slowestSendAsyncNanos = new AtomicLong();
        private final ConcurrentLinkedQueue<Throwable> senderErrors = new ConcurrentLinkedQueue<>();
        private volatile int allowed;
        private volatile Phase phase = Phase.ALL_UP;
        private Producer<String> producer;

        Run(String guarantee) {
            this.guarantee = guarantee;
            this.topic = Topics.unique("failover-" + guarantee);
        }

        Outcome execute() throws Exception {
            long testStart = System.nanoTime();
            cluster.createTopic(topic, PARTITIONS);
            verifyTopicIsReplicatedWithMinInSyncTwo();
            int victim = leaderOfPartitionZero();
            int controller = admin.describeMetadataQuorum().quorumInfo()
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS).leaderId();

            Map<String, String> settings = new LinkedHashMap<>();
            settings.put(ProducerSettings.BINDING, "kafka");
            settings.put("kafka.bootstrap.servers", cluster.bootstrapServers());
            settings.put(ProducerSettings.GUARANTEE, guarantee);
            settings.put(ProducerSettings.DELIVERY_TIMEOUT, DELIVERY_TIMEOUT.toMillis() + "ms");
            settings.put(ProducerSettings.MAX_BLOCK, Producers.NO_QUICK_MAX_BLOCK);
            settings.put(ProducerSettings.CLOSE_TIMEOUT, "5s");
            settings.put(ProducerSettings.CLIENT_ID, "failover-" + guarantee + "-" + IDS.incrementAndGet());

            Map<String, Object> timeline = new LinkedHashMap<>();
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "failover-sender-" + guarantee);
                thread.setDaemon(true);
                return thread;
            });
            try (Producer<String> opened = Switchboard.builder(Serializers.string()).properties(settings).build()) {
                producer = opened;
                ProducerConfig effective = Producers.effectiveConfig(producer);
                assertThat(effective.getString(ProducerConfig.ACKS_CONFIG)).as("acks").isEqualTo("-1");
                if (guarantee.equals("effectively-once")) {
                    assertThat(effective.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
                }
                timeline.put("idempotent", effective.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));

                allowed = DURING_SHUTDOWN_LIMIT;
                pacer.scheduleAtFixedRate(this::sendTick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);

                await("the first third to be acknowledged", () -> acknowledged.get() >= FIRST_THIRD);
                timeline.put("sent/acked/failed at stop", sent.get() + "/" + acknowledged.get() + "/" + failed.get());
                phase = Phase.STOPPING;
                long stopStart = System.nanoTime();
                cluster.stopNode(victim);
                timeline.put("stopNode ms", Producers.since(stopStart).toMillis());
                phase = Phase.DOWN;
                timeline.put("sent when down", sent.get());
                allowed = SECOND_THIRD;
                await("the second third to be sent while node " + victim + " is down",
                        () -> sent.get() >= SECOND_THIRD);

                phase = Phase.STARTING;
                allowed = DURING_RESTART_LIMIT;
                long startStart = System.nanoTime();
                cluster.startNode(victim);
                timeline.put("startNode ms", Producers.since(startStart).toMillis());
                timeline.put("sent when started", sent.get());
                cluster.awaitReplicasInSync();
                timeline.put("restart to in sync ms", Producers.since(startStart).toMillis());
                await("the sends during the restart", () -> sent.get() >= DURING_RESTART_LIMIT);
                phase = Phase.BACK_IN_SYNC;
                allowed = MESSAGES;
                await("every message to be handed to sendAsync", () -> sent.get() >= MESSAGES);
                pacer.shutdown();

                awaitEveryFuture();
            } finally {
                pacer.shutdownNow();
            }
            assertThat(senderErrors).as("failures of the sending thread itself").isEmpty();
            cluster.awaitReplicasInSync();
            List<ConsumerRecord<byte[], byte[]>> stored = new NativeReader(cluster.bootstrapServers()).readAll(topic, READ);
            Outcome outcome = new Outcome(this, stored);
            timeline.put("stopped node", victim + (victim == controller ? " (also the KRaft controller)" : ""));
            timeline.put("slowest sendAsync ms", slowestSendAsyncNanos.get() / 1_000_000.0);
            timeline.put("test ms", Producers.since(testStart).toMillis());
            outcome.report(timeline);
            return outcome;
        }

        /** One tick of the paced sender: up to {@link #PER_TICK} sends, never past what the test allows yet. */
        private void sendTick() {
            try {
                for (int n = 0; n < PER_TICK && sent.get() < Math.min(allowed, MESSAGES); n++) {
                    int i = sent.get();
                    Message<String> message = Message.to(topic).key(keyOf(i)).value(valueOf(i));
                    phases[i] = phase;
                    long start = System.nanoTime();
                    CompletableFuture<Receipt> future = producer.sendAsync(message);
                    long took = System.nanoTime() - start;
                    sentAt[i] = start;
                    slowestSendAsyncNanos.accumulateAndGet(took, Math::max);
                    futures.set(i, future);
                    recorded.set(i, future.whenComplete((receipt, error) -> {
                        completedAt.set(i, System.nanoTime());
                        (error == null ? acknowledged : failed).incrementAndGet();
                    }));
                    sent.incrementAndGet();
                }
            } catch (Throwable e) {
                senderErrors.add(e);
                throw e;
            }
        }

        /** Every future must finish by its own deadline; waiting a little past the last one is the bound. */
        private void awaitEveryFuture() throws Exception {
            long bound = sentAt[MESSAGES - 1] + DELIVERY_TIMEOUT.plusSeconds(5).toNanos() - System.nanoTime();
            CompletableFuture<?>[] all = new CompletableFuture<?>[MESSAGES];
            for (int i = 0; i < MESSAGES; i++) {
                all[i] = recorded.get(i);
            }
            try {
                CompletableFuture.allOf(all).handle((ok, error) -> null).get(Math.max(0, bound), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                List<String> pending = new ArrayList<>();
                for (int i = 0; i < MESSAGES && pending.size() < 20; i++) {
                    if (!recorded.get(i).isDone()) {
                        pending.add(valueOf(i) + " (" + phases[i] + ", sent "
                                + Producers.since(sentAt[i]).toMillis() + " ms ago)");
                    }
                }
                throw new AssertionError("futures still pending " + DELIVERY_TIMEOUT.plusSeconds(5)
                        + " after the last send (delivery timeout " + DELIVERY_TIMEOUT + "): " + pending, e);
            }
        }

        private void verifyTopicIsReplicatedWithMinInSyncTwo() throws Exception {
            TopicDescription description = describe();
            assertThat(description.partitions()).hasSize(PARTITIONS);
            assertThat(description.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all()
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
            assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
        }

        private int leaderOfPartitionZero() throws Exception {
            TopicPartitionInfo zero = describe().partitions().get(0);
            assertThat(zero.leader()).isNotNull();
            return zero.leader().id();
        }

        private TopicDescription describe() throws Exception {
            return admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        }

        private void await(String what, java.util.concurrent.Callable<Boolean> condition) {
            Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(10))
                    .failFast(() -> assertThat(senderErrors).as("failures of the sending thread").isEmpty())
                    .until(condition);
        }
    }

    /** What the futures said, and what the topic holds. */
    private static final class Outcome {
        private final Run run;
        /** value -> how many copies the topic holds. */
        private final Map<String, Integer> copies = new HashMap<>();
        /** "partition@offset" -> value. */
        private final Map<String, String> byPosition = new HashMap<>();
        /** key -> message indices in the order the topic holds them. */
        private final Map<String, List<Integer>> byKey = new TreeMap<>();
        /** key -> partitions holding it. */
        private final Map<String, Set<Integer>> partitionsOfKey = new HashMap<>();
        private final int storedRecords;

        Outcome(Run run, List<ConsumerRecord<byte[], byte[]>> stored) {
            this.run = run;
            this.storedRecords = stored.size();
            for (ConsumerRecord<byte[], byte[]> record : stored) {
                String key = new String(record.key(), StandardCharsets.UTF_8);
                String value = new String(record.value(), StandardCharsets.UTF_8);
                copies.merge(value, 1, Integer::sum);
                byPosition.put(record.partition() + "@" + record.offset(), value);
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(indexOf(value));
                partitionsOfKey.computeIfAbsent(key, k -> new HashSet<>()).add(record.partition());
            }
        }

        void assertAcknowledgedSurvivedInOrder() {
            List<String> lost = new ArrayList<>();
            List<String> misplaced = new ArrayList<>();
            List<String> late = new ArrayList<>();
            List<String> wrongReason = new ArrayList<>();
            List<String> notWrittenButStored = new ArrayList<>();
            long deadlineNanos = DELIVERY_TIMEOUT.plus(DEADLINE_SLACK).toNanos();
            for (int i = 0; i < MESSAGES; i++) {
                String value = valueOf(i);
                CompletableFuture<Receipt> future = run.futures.get(i);
                assertThat(future).as(value).isDone();
                long took = run.completedAt.get(i) - run.sentAt[i];
                if (took > deadlineNanos) {
                    late.add(value + " after " + took / 1_000_000 + " ms (" + run.phases[i] + ")");
                }
                MessagingException error = failureOf(future);
                if (error == null) {
                    Receipt receipt = future.join();
                    if (!copies.containsKey(value)) {
                        lost.add(value + " (" + run.phases[i] + ", receipt " + receipt + ")");
                    } else {
                        String position = receipt.partition().orElse(-1) + "@" + receipt.offset().orElse(-1);
                        if (!value.equals(byPosition.get(position))) {
                            misplaced.add(value + " acknowledged at " + position + ", which holds " + byPosition.get(position));
                        }
                    }
                } else {
                    if (!Set.of(Reason.TIMEOUT, Reason.OUTCOME_UNKNOWN, Reason.UNAVAILABLE).contains(error.reason())) {
                        wrongReason.add(value + " " + error + " cause " + error.getCause());
                    }
                    if (!error.mayHaveBeenWritten() && copies.containsKey(value)) {
                        notWrittenButStored.add(value + " " + error.reason() + " (" + run.phases[i] + ")");
                    }
                }
            }
            assertThat(lost).as("acknowledged messages missing from the topic").isEmpty();
            assertThat(misplaced).as("receipts that point at another record").isEmpty();
            assertThat(late).as("futures that finished after the delivery timeout (%s + %s slack)",
                    DELIVERY_TIMEOUT, DEADLINE_SLACK).isEmpty();
            assertThat(wrongReason).as("failures other than TIMEOUT / OUTCOME_UNKNOWN / UNAVAILABLE").isEmpty();
            assertThat(notWrittenButStored).as("failures reported as not written whose message is in the topic").isEmpty();
            assertThat(Duration.ofNanos(run.slowestSendAsyncNanos.get())).as("slowest sendAsync call")
                    .isLessThan(SEND_ASYNC_BOUND);

            assertThat(byKey.keySet()).as("keys in the topic").hasSize(KEYS);
            partitionsOfKey.forEach((key, partitions) -> assertThat(partitions).as("partitions of %s", key).hasSize(1));
            byKey.forEach((key, indices) -> {
                List<Integer> acknowledgedInTopicOrder = new ArrayList<>();
                Set<Integer> seen = new HashSet<>();
                for (int index : indices) {
                    if (failureOf(run.futures.get(index)) == null && seen.add(index)) {
                        acknowledgedInTopicOrder.add(index);
                    }
                }
                assertThat(acknowledgedInTopicOrder).as("acknowledged messages of %s in topic order", key)
                        .isSortedAccordingTo(Integer::compare);
            });
        }

        /** Acknowledged values stored more than once, with their number of copies. */
        Map<String, Integer> duplicatedAcknowledged() {
            Map<String, Integer> duplicated = new TreeMap<>();
            for (int i = 0; i < MESSAGES; i++) {
                String value = valueOf(i);
                if (failureOf(run.futures.get(i)) == null && copies.getOrDefault(value, 0) > 1) {
                    duplicated.put(value, copies.get(value));
                }
            }
            return duplicated;
        }

        /** Every value stored more than once, acknowledged or not. */
        Map<String, Integer> duplicatedAny() {
            Map<String, Integer> duplicated = new TreeMap<>();
            copies.forEach((value, n) -> {
                if (n > 1) {
                    duplicated.put(value, n);
                }
            });
            return duplicated;
        }

        /** Prints what happened: counts by phase and reason, stored records, duplicates, and the timeline. */
        void report(Map<String, Object> timeline) {
            Map<Phase, int[]> sentAckedFailed = new EnumMap<>(Phase.class);
            Map<Phase, Map<Reason, Integer>> reasons = new EnumMap<>(Phase.class);
            Map<Reason, String> exampleCause = new EnumMap<>(Reason.class);
            long slowest = 0;
            for (int i = 0; i < MESSAGES; i++) {
                Phase phase = run.phases[i];
                int[] counts = sentAckedFailed.computeIfAbsent(phase, p -> new int[3]);
                counts[0]++;
                slowest = Math.max(slowest, run.completedAt.get(i) - run.sentAt[i]);
                CompletableFuture<Receipt> future = run.futures.get(i);
                if (!future.isDone()) {
                    continue;
                }
                MessagingException error = failureOf(future);
                if (error == null) {
                    counts[1]++;
                } else {
                    counts[2]++;
                    reasons.computeIfAbsent(phase, p -> new EnumMap<>(Reason.class)).merge(error.reason(), 1, Integer::sum);
                    exampleCause.putIfAbsent(error.reason(), error.getMessage() + " / cause: " + error.getCause());
                }
            }
            StringBuilder out = new StringBuilder("\n=== ClusterFailoverTest ").append(run.guarantee)
                    .append(", topic ").append(run.topic).append(" ===\n");
            sentAckedFailed.forEach((phase, c) -> out.append(String.format("  %-13s sent %4d  acknowledged %4d  failed %4d  %s%n",
                    phase, c[0], c[1], c[2], reasons.getOrDefault(phase, Map.of()))));
            out.append("  acknowledged ").append(run.acknowledged.get()).append(", failed ").append(run.failed.get())
                    .append(", stored records ").append(storedRecords).append(", distinct values ").append(copies.size())
                    .append(", values stored more than once ").append(duplicatedAny().size())
                    .append(" (acknowledged among them ").append(duplicatedAcknowledged().size()).append(")\n");
            out.append("  slowest future ms ").append(slowest / 1_000_000).append(" (delivery timeout ")
                    .append(DELIVERY_TIMEOUT.toMillis()).append(")\n");
            exampleCause.forEach((reason, cause) -> out.append("  e.g. ").append(reason).append(": ").append(cause).append('\n'));
            timeline.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
            System.out.print(out);
        }
    }

    private static String keyOf(int index) {
        return "key-" + index % KEYS;
    }

    private static String valueOf(int index) {
        return "m-" + index;
    }

    private static int indexOf(String value) {
        return Integer.parseInt(value.substring(2));
    }

    /** The failure of a finished send, or null if it was acknowledged. */
    private static MessagingException failureOf(CompletableFuture<Receipt> done) {
        try {
            done.join();
            return null;
        } catch (CompletionException e) {
            if (e.getCause() instanceof MessagingException error) {
                return error;
            }
            throw new AssertionError("a future failed with something other than a MessagingException", e.getCause());
        }
    }
}
