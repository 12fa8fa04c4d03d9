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

import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Receipt;
import io.switchboard.tck.ProbedMessage;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.MessageIdAdv;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Reader;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import org.apache.pulsar.client.impl.MessageImpl;
import org.apache.pulsar.common.api.proto.CompressionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each neutral field and setting, as Pulsar's own client finds it on the broker. */
class MappingTest extends BrokerTest {

    @Test
    void theKeyBecomesTheMessageKeyAndHeadersBecomePropertiesUnderTheSameNames() {
        String topic = topic("fields");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("tenant.id", "t-1");
        headers.put("x-trace", "abc");
        producers.open(ProducerSettings.CONTENT_TYPE_HEADER, "false")
                .send(Message.to(topic).key("customer-42").headers(headers).value("hi"));
        ProbedMessage read = read(topic, 1).get(0);
        assertThat(read.key()).isEqualTo("customer-42");
        assertThat(read.headers()).isEqualTo(headers);
        assertThat(read.valueAsString()).isEqualTo("hi");
    }

    @Test
    void theTimestampBecomesTheEventTime() throws Exception {
        String topic = topic("event-time");
        Instant stamp = Instant.parse("2024-02-29T12:34:56.789Z");
        producers.open().send(Message.to(topic).timestamp(stamp).value("stamped"));
        try (Reader<byte[]> reader = earliest(topic)) {
            org.apache.pulsar.client.api.Message<byte[]> message = reader.readNext(15, TimeUnit.SECONDS);
            assertThat(message.getEventTime()).isEqualTo(stamp.toEpochMilli());
            assertThat(message.getPublishTime()).as("the broker's own time stays its own").isNotEqualTo(stamp.toEpochMilli());
        }
    }

    @Test
    void aKeyLandsOnThePartitionANativeProducerWithDefaultRoutingPicks() throws Exception {
        String ours = partitioned("keys-ours", 5);
        String theirs = partitioned("keys-native", 5);
        Producer<String> producer = producers.open();
        List<CompletableFuture<Receipt>> sent = new ArrayList<>();
        try (org.apache.pulsar.client.api.Producer<byte[]> nativeProducer = nativeClient.newProducer()
                .topic(Target.fullName(theirs)).create()) {
            for (int k = 0; k < 40; k++) {
                sent.add(producer.sendAsync(Message.to(ours).key("key-" + k).value("key-" + k)));
                nativeProducer.newMessage().key("key-" + k).value(("key-" + k).getBytes()).sendAsync();
            }
            nativeProducer.flush();
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
        Map<String, Integer> ourPartitions = partitionByKey(read(ours, 40));
        Map<String, Integer> nativePartitions = partitionByKey(read(theirs, 40));
        assertThat(ourPartitions).hasSize(40).isEqualTo(nativePartitions);
        assertThat(ourPartitions.values().stream().distinct().count()).as("partitions used").isEqualTo(5);
        for (int k = 0; k < 40; k++) {
            assertThat(sent.get(k).join().partition()).as("receipt partition of key-%d", k)
                    .hasValue(ourPartitions.get("key-" + k));
        }
    }

    @Test
    void roundRobinSpreadsEveryMessageEvenIfPulsarBatchesThem() {
        String topic = partitioned("round-robin", 4);
        Producer<String> producer = producers.open(ProducerSettings.PARTITIONER, "round-robin",
                ProducerSettings.LINGER, "50ms");
        List<CompletableFuture<Receipt>> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sent.add(producer.sendAsync(Message.to(topic).value("m-" + i)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        Map<Integer, Long> perPartition = read(topic, 40).stream()
                .collect(Collectors.groupingBy(ProbedMessage::partition, Collectors.counting()));
        assertThat(perPartition).isEqualTo(Map.of(0, 10L, 1, 10L, 2, 10L, 3, 10L));
        for (int i = 0; i < 40; i++) {
            assertThat(sent.get(i).join().partition()).as("receipt partition of m-%d", i).hasValue(i % 4);
        }
    }

    @ParameterizedTest(name = "compression={0} is Pulsar''s {1}")
    @CsvSource({"none, NONE", "gzip, ZLIB", "lz4, LZ4", "snappy, SNAPPY", "zstd, ZSTD"})
    void compressionIsPulsarsCodec(String neutral, CompressionType expected) throws Exception {
        String topic = topic("compression-" + neutral);
        String value = "compress me ".repeat(200);
        producers.open(ProducerSettings.COMPRESSION, neutral, ProducerSettings.LINGER, "0")
                .send(Message.to(topic).value(value));
        try (Reader<byte[]> reader = earliest(topic)) {
            MessageImpl<?> message = (MessageImpl<?>) reader.readNext(15, TimeUnit.SECONDS);
            assertThat(message.getMessageBuilder().getCompression()).isEqualTo(expected);
            assertThat(new String(message.getData())).isEqualTo(value);
        }
    }

    @Test
    void lingerBecomesThePublishDelayOfOneBatch() throws Exception {
        String topic = topic("linger");
        // 10 sends take microseconds, but a stall of the test thread (GC, a loaded 2-core machine) longer than the
        // linger would close the batch early and split them; 2 s of linger makes that implausible, and the case still
        // shows that the linger, not one entry per send, decides the batch.
        Producer<String> producer = producers.open(ProducerSettings.LINGER, "2s");
        List<CompletableFuture<Receipt>> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(producer.sendAsync(Message.to(topic).key("k").value("m-" + i)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
        List<MessageIdAdv> ids = nativeIds(topic, 10);
        assertThat(ids.stream().map(id -> id.getLedgerId() + ":" + id.getEntryId()).distinct())
                .as("entries holding the 10 messages").hasSize(1);
        assertThat(ids.stream().map(MessageIdAdv::getBatchIndex)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void zeroLingerTurnsBatchingOff() throws Exception {
        String topic = topic("no-batching");
        Producer<String> producer = producers.open(ProducerSettings.LINGER, "0");
        for (int i = 0; i < 5; i++) {
            producer.sendAsync(Message.to(topic).key("k").value("m-" + i));
        }
        producer.flush(PATIENCE);
        List<MessageIdAdv> ids = nativeIds(topic, 5);
        assertThat(ids.stream().map(id -> id.getLedgerId() + ":" + id.getEntryId()).distinct()).hasSize(5);
        assertThat(ids).allSatisfy(id -> assertThat(id.getBatchIndex()).isEqualTo(-1));
    }

    @Test
    void batchMaxBytesBoundsPulsarsBatches() throws Exception {
        String topic = topic("batch-bytes");
        Producer<String> producer = producers.open(ProducerSettings.LINGER, "300ms",
                ProducerSettings.BATCH_MAX_BYTES, "1KiB");
        String value = "x".repeat(400);
        for (int i = 0; i < 10; i++) {
            producer.sendAsync(Message.to(topic).key("k").value(value));
        }
        producer.flush(PATIENCE);
        List<MessageIdAdv> ids = nativeIds(topic, 10);
        Map<String, Long> perEntry = ids.stream().collect(Collectors.groupingBy(
                id -> id.getLedgerId() + ":" + id.getEntryId(), Collectors.counting()));
        assertThat(perEntry.size()).as("entries for 10 messages of 400 bytes in batches of 1 KiB").isGreaterThanOrEqualTo(4);
        assertThat(perEntry.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3));
    }

    @Test
    void aDelayedMessageReachesASharedSubscriptionOnlyAfterItsDelay() throws Exception {
        String topic = topic("delay");
        Duration delay = Duration.ofSeconds(2);
        try (Consumer<byte[]> consumer = nativeClient.newConsumer().topic(Target.fullName(topic))
                .subscriptionName("shared").subscriptionType(SubscriptionType.Shared)
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe()) {
            Producer<String> producer = producers.open();
            long sent = System.nanoTime();
            producer.send(Message.to(topic).deliveryDelay(delay).value("later"));
            producer.send(Message.to(topic).value("now"));
            org.apache.pulsar.client.api.Message<byte[]> first = consumer.receive(15, TimeUnit.SECONDS);
            assertThat(new String(first.getData())).isEqualTo("now");
            consumer.acknowledge(first);
            org.apache.pulsar.client.api.Message<byte[]> second = consumer.receive(15, TimeUnit.SECONDS);
            assertThat(new String(second.getData())).isEqualTo("later");
            // the test broker follows the delivery time strictly (TestBrokers.main()): by default Pulsar may release a
            // delayed message up to its 1 s tick early; 100 ms is for clock granularity only
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("time from the send to the delayed message")
                    .isGreaterThanOrEqualTo(delay.minusMillis(100));
        }
    }

    @Test
    void aReceiptCarriesPulsarsMessageIdInItsUsualForm() throws Exception {
        String topic = topic("receipt");
        Receipt receipt = producers.open(ProducerSettings.LINGER, "0").send(Message.to(topic).value("one"));
        try (Reader<byte[]> reader = earliest(topic)) {
            MessageId stored = reader.readNext(15, TimeUnit.SECONDS).getMessageId();
            assertThat(receipt.unwrap(MessageId.class)).isEqualTo(stored);
            assertThat(receipt.messageId()).hasValue(stored.toString());
            assertThat(receipt.partition()).hasValue(0);
            assertThat(receipt.offset()).as("Pulsar has no offsets").isEmpty();
        }
    }

    @Test
    void aReceiptOnAPartitionedTopicNamesThePartitionAsConsumersSeeIt() throws Exception {
        String topic = partitioned("receipt-partitioned", 3);
        Producer<String> keyed = producers.open();
        Producer<String> placed = producers.open(ProducerSettings.PARTITIONER, "round-robin");
        Map<String, Receipt> receipts = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            receipts.put("keyed-" + i, keyed.send(Message.to(topic).key("k" + i).value("keyed-" + i)));
            receipts.put("placed-" + i, placed.send(Message.to(topic).value("placed-" + i)));
        }
        try (Reader<byte[]> reader = nativeClient.newReader().topic(Target.fullName(topic))
                .startMessageId(MessageId.earliest).create()) {
            for (int i = 0; i < 12; i++) {
                org.apache.pulsar.client.api.Message<byte[]> message = reader.readNext(15, TimeUnit.SECONDS);
                MessageIdAdv stored = (MessageIdAdv) message.getMessageId();
                Receipt receipt = receipts.get(new String(message.getData()));
                int partition = Integer.parseInt(message.getTopicName().replaceAll(".*-partition-", ""));
                assertThat(receipt.partition()).hasValue(partition);
                String expected = stored.getLedgerId() + ":" + stored.getEntryId() + ":" + partition
                        + (stored.getBatchIndex() >= 0 ? ":" + stored.getBatchIndex() : "");
                assertThat(receipt.messageId()).as("id of %s", new String(message.getData())).hasValue(expected);
            }
        }
    }

    @Test
    void unwrapReachesTheNativeClient() throws Exception {
        String topic = topic("unwrap");
        Producer<String> producer = producers.open();
        PulsarClient client = producer.unwrap(PulsarClient.class);
        try (org.apache.pulsar.client.api.Producer<byte[]> own = client.newProducer().topic(Target.fullName(topic)).create()) {
            own.send("native".getBytes());
        }
        assertThat(values(read(topic, 1))).containsExactly("native");
    }

    @Test
    void oneNativeProducerServesADestinationAndNamesTheSwitchboardProducer() throws Exception {
        String topic = topic("one-producer");
        Producer<String> producer = producers.open(ProducerSettings.CLIENT_ID, "orders-service");
        for (int i = 0; i < 20; i++) {
            producer.sendAsync(Message.to(topic).value("m-" + i));
        }
        producer.flush(PATIENCE);
        var publishers = admin.topics().getStats(Target.fullName(topic)).getPublishers();
        assertThat(publishers).hasSize(1);
        assertThat(publishers.get(0).getMetadata()).containsEntry(NativeClient.CLIENT_ID_PROPERTY, "orders-service");
    }

    @Test
    void beyondTheBoundTheLeastRecentlyUsedProducerIsClosed() throws Exception {
        String first = topic("lru-1");
        String second = topic("lru-2");
        String third = topic("lru-3");
        Producer<String> producer = producers.open(PulsarKeys.MAX_PRODUCERS, "2");
        producer.send(Message.to(first).value("1"));
        producer.send(Message.to(second).value("2"));
        producer.send(Message.to(third).value("3"));
        await("the least recently used producer closes").atMost(PATIENCE)
                .until(() -> admin.topics().getStats(Target.fullName(first)).getPublishers().isEmpty());
        assertThat(admin.topics().getStats(Target.fullName(second)).getPublishers()).hasSize(1);
        assertThat(admin.topics().getStats(Target.fullName(third)).getPublishers()).hasSize(1);
        producer.send(Message.to(first).value("1 again"));
        assertThat(values(read(first, 2))).containsExactly("1", "1 again");
    }

    private static Map<String, Integer> partitionByKey(List<ProbedMessage> read) {
        Map<String, Integer> out = new HashMap<>();
        read.forEach(m -> out.put(m.key(), m.partition()));
        return out;
    }

    private static Reader<byte[]> earliest(String topic) throws Exception {
        return nativeClient.newReader().topic(Target.fullName(topic)).startMessageId(MessageId.earliest).create();
    }

    private static List<MessageIdAdv> nativeIds(String topic, int count) throws Exception {
        List<MessageIdAdv> ids = new ArrayList<>();
        try (Reader<byte[]> reader = earliest(topic)) {
            for (int i = 0; i < count; i++) {
                ids.add((MessageIdAdv) reader.readNext(15, TimeUnit.SECONDS).getMessageId());
            }
        }
        return ids;
    }
}
