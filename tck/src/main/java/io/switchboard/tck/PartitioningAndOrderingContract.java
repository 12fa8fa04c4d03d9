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
import io.switchboard.Message;
import io.switchboard.Partitioner;
import io.switchboard.Producer;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.Serializers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.switchboard.ProducerSettings.PARTITIONER;
import static io.switchboard.tck.ProbeReads.values;
import static io.switchboard.tck.ProbeReads.valuesByKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Keys keep their partition and their order; the producer's own partitioners do what they say. */
abstract class PartitioningAndOrderingContract extends ContractPart {

    PartitioningAndOrderingContract(BindingCompatibilityKit kit) {
        super(kit);
    }

    @Test
    @DisplayName("messages with one key land on one partition, and different keys spread over the partitions")
    void sameKeySamePartition() {
        Destination d = partitioned();
        Producer<String> producer = strings();
        SentBatch batch = new SentBatch();
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 12; k++) {
                send(batch, producer, Message.to(d).key("key-" + k).value("key-" + k + "/" + i));
            }
        }
        batch.awaitAllAcknowledged(PATIENCE);
        Map<String, Set<Integer>> partitionsByKey = partitionsByKey(probe.atLeast(d, 60));
        assertThat(partitionsByKey).hasSize(12);
        partitionsByKey.forEach((key, partitions) -> assertThat(partitions).as("partitions of %s", key).hasSize(1));
        if (claims(Capability.PARTITIONS)) {
            long used = partitionsByKey.values().stream().flatMap(Set::stream).distinct().count();
            assertThat(used).as("partitions used by 12 keys over 4 partitions").isGreaterThan(1);
        }
    }

    @Test
    @DisplayName("each key lands on the partition the broker's own producer picks for it, over 1,200 ASCII, unicode and long keys")
    void keysLandWhereTheNativeProducerPutsThem() {
        assumeTrue(claims(Capability.PARTITIONS), "the binding has no partitions (it does not claim PARTITIONS),"
                + " so there is no native partition to agree with");
        Optional<NativePartitioner> nativePartitioner = fixture().nativePartitioner();
        assumeTrue(nativePartitioner.isPresent(), "the fixture cannot tell where the broker's own producer puts a"
                + " key (BindingFixture.nativePartitioner() is empty)");
        int partitions = 7;
        Destination d = topic(partitions);
        List<String> keys = parityKeys();
        Map<String, Integer> expected = nativePartitioner.get().partitionsOf(d, partitions, keys);
        assertThat(expected).as("the fixture's native partitions").containsOnlyKeys(keys);
        assertThat(expected.values()).as("the native partitions").allMatch(p -> p >= 0 && p < partitions);

        Producer<String> producer = strings();
        SentBatch batch = new SentBatch();
        keys.forEach(key -> send(batch, producer, Message.to(d).key(key).value("parity-" + batch.size())));
        List<Outcome> outcomes = batch.awaitAllAcknowledged(PATIENCE);
        List<String> wrongReceipts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            int native_ = expected.get(keys.get(i));
            int receipt = outcomes.get(i).receipt().partition().orElse(-1);
            if (receipt != native_) {
                wrongReceipts.add(describe(keys.get(i)) + ": receipt " + receipt + ", native " + native_);
            }
        }
        assertThat(wrongReceipts).as("keys whose receipt names another partition than the native producer's")
                .isEmpty();
        List<String> wrongInBroker = new ArrayList<>();
        for (ProbedMessage m : probe.atLeast(d, keys.size())) {
            int native_ = expected.getOrDefault(m.key(), -1);
            if (m.partition() != native_) {
                wrongInBroker.add(describe(m.key()) + ": in partition " + m.partition() + ", native " + native_);
            }
        }
        assertThat(wrongInBroker).as("keys the broker holds in another partition than the native producer's")
                .isEmpty();
    }

    /** 400 ASCII keys, 400 with characters outside ASCII (accents, CJK, emoji), 400 of 200 characters or more. */
    private static List<String> parityKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add("customer-" + i);
            keys.add("clé-ünïcødé-" + i + "-客户-\uD83D\uDE80");
            keys.add(("order-" + i + "-").repeat(20));
        }
        return keys;
    }

    /** A key short enough for a failure message. */
    private static String describe(String key) {
        return key == null ? "(no key)" : key.length() <= 40 ? "'" + key + "'" : "'" + key.substring(0, 40) + "...'";
    }

    @Test
    @DisplayName("each key keeps its order across 50 keys of 20 messages sent asynchronously and interleaved")
    void perKeyOrderHolds() {
        Destination d = partitioned();
        Producer<String> producer = strings();
        SentBatch batch = new SentBatch();
        for (int i = 0; i < 20; i++) {
            for (int k = 0; k < 50; k++) {
                send(batch, producer, Message.to(d).key("key-" + k).value("key-" + k + "/" + i));
            }
        }
        batch.awaitAllAcknowledged(PATIENCE);
        Map<String, List<String>> byKey = valuesByKey(probe.atLeast(d, 1000));
        for (int k = 0; k < 50; k++) {
            int key = k;
            List<String> expected = IntStream.range(0, 20).mapToObj(i -> "key-" + key + "/" + i).toList();
            assertThat(byKey.get("key-" + k)).as("messages of key-%d in broker order", k)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    @DisplayName("two producers put a key on the same partition")
    void twoProducersAgreeOnAKeysPartition() {
        Destination d = partitioned();
        Producer<String> first = strings();
        Producer<String> second = strings();
        SentBatch batch = new SentBatch();
        for (int k = 0; k < 12; k++) {
            send(batch, first, Message.to(d).key("key-" + k).value("first/" + k));
            send(batch, second, Message.to(d).key("key-" + k).value("second/" + k));
        }
        batch.awaitAllAcknowledged(PATIENCE);
        partitionsByKey(probe.atLeast(d, 24))
                .forEach((key, partitions) -> assertThat(partitions).as("partitions of %s", key).hasSize(1));
    }

    @Test
    @DisplayName("round-robin spreads messages without a key evenly over the partitions; without PARTITIONS it is refused UNSUPPORTED")
    void roundRobinSpreadsEvenly() {
        if (!claimedOrRefused(Capability.PARTITIONS, () -> strings(PARTITIONER, "round-robin"))) {
            return;
        }
        Destination d = topic(4);
        Producer<String> producer = strings(PARTITIONER, "round-robin");
        SentBatch batch = new SentBatch();
        for (int i = 0; i < 42; i++) {
            send(batch, producer, Message.to(d).value("m-" + i));
        }
        Map<String, Receipt> receipts = batch.awaitAllAcknowledged(PATIENCE).stream()
                .collect(Collectors.toMap(Outcome::value, Outcome::receipt));
        List<ProbedMessage> read = probe.atLeast(d, 42);
        Map<Integer, Long> counts = read.stream().collect(Collectors.groupingBy(ProbedMessage::partition,
                Collectors.counting()));
        assertThat(counts.keySet()).as("partitions used").containsExactlyInAnyOrder(0, 1, 2, 3);
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long min = counts.values().stream().mapToLong(Long::longValue).min().orElse(0);
        assertThat(max - min).as("spread of messages per partition " + counts).isLessThanOrEqualTo(1);
        read.forEach(m -> assertThat(receipts.get(m.valueAsString()).partition())
                .as("receipt partition of %s", m.valueAsString()).hasValue(m.partition()));
    }

    @Test
    @DisplayName("under round-robin, keyed messages still keep their key's partition and order; without PARTITIONS it is refused UNSUPPORTED")
    void roundRobinKeepsKeyedOrder() {
        if (!claimedOrRefused(Capability.PARTITIONS, () -> strings(PARTITIONER, "round-robin"))) {
            return;
        }
        Destination d = topic(4);
        Producer<String> producer = strings(PARTITIONER, "round-robin");
        SentBatch batch = new SentBatch();
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k < 8; k++) {
                send(batch, producer, Message.to(d).key("key-" + k).value("key-" + k + "/" + i));
            }
            send(batch, producer, Message.to(d).value("unkeyed/" + i));
        }
        batch.awaitAllAcknowledged(PATIENCE);
        List<ProbedMessage> read = probe.atLeast(d, 90);
        Map<String, Set<Integer>> partitions = partitionsByKey(read);
        Map<String, List<String>> byKey = valuesByKey(read);
        for (int k = 0; k < 8; k++) {
            int key = k;
            assertThat(partitions.get("key-" + k)).as("partitions of key-%d", k).hasSize(1);
            assertThat(byKey.get("key-" + k)).as("order of key-%d", k)
                    .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(i -> "key-" + key + "/" + i).toList());
        }
    }

    @Test
    @DisplayName("a custom partitioner's choice is honoured, and it is told the destination's partition count; without PARTITIONS it is refused UNSUPPORTED")
    void customPartitionerIsHonoured() {
        List<Integer> countsSeen = new CopyOnWriteArrayList<>();
        Partitioner byHeader = (message, count) -> {
            countsSeen.add(count);
            return Integer.parseInt(message.headers().get("target").orElseThrow());
        };
        if (!claimedOrRefused(Capability.PARTITIONS, () -> scope.open(Serializers.string(), Map.of(), byHeader))) {
            return;
        }
        Destination d = topic(4);
        Producer<String> producer = scope.open(Serializers.string(), Map.of(), byHeader);
        SentBatch batch = new SentBatch();
        for (int i = 0; i < 12; i++) {
            send(batch, producer, Message.to(d).key("same-key").header("target", String.valueOf((i * 3) % 4))
                    .value("m-" + i));
        }
        batch.awaitAllAcknowledged(PATIENCE);
        for (ProbedMessage m : probe.atLeast(d, 12)) {
            assertThat(m.partition()).as("partition of %s", m.valueAsString())
                    .isEqualTo(Integer.parseInt(m.headers().get("target")));
        }
        assertThat(countsSeen).isNotEmpty().containsOnly(4);
    }

    @Test
    @DisplayName("a custom partitioner choosing a partition out of range fails the send INVALID_ARGUMENT and writes nothing; without PARTITIONS it is refused UNSUPPORTED")
    void customPartitionerOutOfRangeFails() {
        Partitioner partitioner = (message, count) -> message.headers().contains("wild") ? count : 0;
        if (!claimedOrRefused(Capability.PARTITIONS, () -> scope.open(Serializers.string(), Map.of(), partitioner))) {
            return;
        }
        Destination d = topic(2);
        Producer<String> producer = scope.open(Serializers.string(), Map.of(), partitioner);
        CompletableFuture<Receipt> wild = producer.sendAsync(Message.to(d).header("wild", "yes").value("wild"));
        assertThat(failure(wild, PATIENCE).reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        producer.send(Message.to(d).value("sentinel"));
        assertThat(values(probe.through(d, "sentinel"))).containsExactly("sentinel");
    }
}
