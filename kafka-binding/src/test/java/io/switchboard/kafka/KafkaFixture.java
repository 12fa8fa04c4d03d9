package io.switchboard.kafka;

import io.switchboard.Capability;
import io.switchboard.Destination;
import io.switchboard.ProducerSettings;
import io.switchboard.embedded.kafka.EmbeddedKafka;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.BrokerControl;
import io.switchboard.tck.NativePartitioner;
import io.switchboard.tck.NativeProbe;
import io.switchboard.tck.SecretSettings;
import io.switchboard.tck.ProbedMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Kafka binding's fixture for the compatibility kit, on the test run's one embedded broker: topics created
 * with the broker's admin client, a probe that reads with Kafka's own consumer (assigned to every partition, from
 * the beginning, no consumer group, so reading never changes anything), and stop / start of the broker on the same
 * data and ports.
 */
final class KafkaFixture implements BindingFixture {
    private final EmbeddedKafka broker;
    /** A password that is not Alice's. */
    private static final String WRONG_PASSWORD = "alice-Wr0ng-5t8v";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private Destination secretsTopic;

    KafkaFixture(EmbeddedKafka broker) {
        this.broker = broker;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "tck-native-probe",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public Map<String, String> producerProperties() {
        return Map.of(ProducerSettings.BINDING, KafkaBindingProvider.NAME,
                "kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public Set<Capability> capabilities() {
        return new KafkaBindingProvider().capabilities();
    }

    @Override
    public Destination createDestination(String name, int partitions) {
        broker.createTopic(name, partitions);
        return Destination.of(name);
    }

    @Override
    public NativeProbe probe() {
        return this::read;
    }

    /** Kafka's own producer, default partitioner, sends each key to a twin topic and reports where it went. */
    @Override
    public Optional<NativePartitioner> nativePartitioner() {
        return Optional.of(this::nativePartitions);
    }

    /** Alice's password on the broker's SASL/PLAIN listener, and a wrong one; the JAAS strings hold them too. */
    @Override
    public Optional<SecretSettings> secretSettings() {
        Map<String, String> working = saslSettings(TestBroker.ALICE_PASSWORD);
        Map<String, String> wrong = saslSettings(WRONG_PASSWORD);
        Set<String> secrets = Set.of(TestBroker.ALICE_PASSWORD, WRONG_PASSWORD,
                working.get("kafka.sasl.jaas.config"), wrong.get("kafka.sasl.jaas.config"));
        return Optional.of(new SecretSettings(working, wrong, secrets, secretsTopic()));
    }

    private Map<String, String> saslSettings(String password) {
        Map<String, String> settings = new LinkedHashMap<>();
        broker.saslClientProperties(TestBroker.ALICE, password).forEach((k, v) -> settings.put("kafka." + k, v.toString()));
        return settings;
    }

    private synchronized Destination secretsTopic() {
        if (secretsTopic == null) {
            secretsTopic = createDestination("tck-secrets-" + UUID.randomUUID(), 1);
        }
        return secretsTopic;
    }

    private Map<String, Integer> nativePartitions(Destination destination, int partitions, List<String> keys) {
        String twin = destination.name() + "-native-twin";
        broker.createTopic(twin, partitions);
        Map<String, Integer> placed = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "tck-native-partitioner"),
                new StringSerializer(), new ByteArraySerializer())) {
            Map<String, Future<RecordMetadata>> sent = new LinkedHashMap<>();
            keys.forEach(key -> sent.put(key, producer.send(new ProducerRecord<>(twin, key, new byte[0]))));
            for (Map.Entry<String, Future<RecordMetadata>> entry : sent.entrySet()) {
                placed.put(entry.getKey(), entry.getValue().get(30, TimeUnit.SECONDS).partition());
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka's own producer could not send to the twin topic " + twin, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return placed;
    }

    @Override
    public Optional<BrokerControl> brokerControl() {
        return Optional.of(BrokerControl.of(broker::stop, broker::start));
    }

    /** Reads the topic from the beginning until {@code expected} records or the timeout; one consumer, reused. */
    private synchronized List<ProbedMessage> read(Destination destination, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<PartitionInfo> infos = consumer.partitionsFor(destination.name(), timeout);
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        if (partitions.isEmpty()) {
            return List.of();
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        List<ProbedMessage> read = new ArrayList<>();
        do {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(Math.min(100, left)))) {
                read.add(probed(record));
            }
        } while (read.size() < expected && System.nanoTime() - deadline < 0);
        consumer.assign(List.of());
        read.sort(Comparator.comparingInt(ProbedMessage::partition).thenComparingLong(ProbedMessage::position));
        return read;
    }

    private static ProbedMessage probed(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        Instant timestamp = record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp());
        return new ProbedMessage(key, record.value(), headers, record.partition(), record.offset(), timestamp, null);
    }

    @Override
    public String toString() {
        return "KafkaFixture[" + broker + "]";
    }
}
