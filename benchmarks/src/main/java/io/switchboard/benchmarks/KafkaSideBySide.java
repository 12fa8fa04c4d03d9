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
package io.switchboard.benchmarks;

import io.switchboard.Destination;
import io.switchboard.Headers;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import io.switchboard.embedded.kafka.EmbeddedKafka;
import io.switchboard.kafka.KafkaBindingProvider;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Side-by-side throughput and send-to-ack latency of Kafka's own {@code KafkaProducer} and Switchboard's kafka
 * binding, on the same embedded broker (in this JVM) in one run, reported per run and as ratios
 * (switchboard / native). A plain main, not JMH: each run is seconds of pipelined sends against a real broker,
 * and what matters is that both clients see the same broker, configuration and load pattern, alternately.
 *
 * <p>Fairness:
 * <ul>
 *   <li>each run gets a fresh topic with the same partition count, and a fresh producer; the broker keeps its log
 *       in memory where the machine has {@code /dev/shm} ({@link MemoryDisk}), so the disk's write-back does not
 *       take CPU from one client's rounds;</li>
 *   <li>the native producer is configured with what the binding's {@code KafkaSettings} derives from the neutral
 *       settings (acks, idempotence, linger, batch size, compression, buffer memory, request size, timeouts),
 *       and the two producers' <em>effective</em> configurations, read from the {@code KafkaProducer} instances,
 *       are compared before anything is measured: the run stops if they differ in anything but client id and
 *       serializers;</li>
 *   <li>the same values (one random array per size), the same String keys ({@code key-0 .. key-K}, round robin;
 *       UTF-8 on both sides: {@code StringSerializer} natively, the binding's own encoding in Switchboard);</li>
 *   <li>one sending thread, asynchronous pipelined sends bounded by the same number of unacknowledged messages
 *       (a semaphore taken before each send, released in the completion callback, which both clients run on
 *       Kafka's I/O thread);</li>
 *   <li>a warm-up per size for each client, in turns that alternate the clients, a primed producer per run
 *       (metadata, connection and producer id before the clock starts), a GC before each measurement, and an order
 *       that reverses every round (see {@link AlternatingRounds}); each round's ratio, and the median of the
 *       rounds' ratios, are reported.</li>
 * </ul>
 *
 * <p>Latency is from just before the send call to the completion callback, in the pipelined (saturated) regime,
 * so it includes the queueing behind up to {@code --in-flight} messages (Little's law: p50 ≈ in-flight /
 * throughput). CPU is the whole process (broker included) per message.
 *
 * <pre>
 * java -cp "benchmarks/target/switchboard-benchmarks.jar:benchmarks/target/lib/*" io.switchboard.benchmarks.KafkaSideBySide
 *      [--messages 1000000] [--warmup 3000000] [--rounds 5] [--sizes 100,1024] [--in-flight 1000] [--keys 1000]
 *      [--partitions 4] [--linger-ms N] [--batch-size N] [--compression none|gzip|snappy|lz4|zstd] [--max-minutes 10]
 *      [--backend true] [--rates 50,80|none] [--rate-seconds 2] [--results file.tsv]
 * </pre>
 *
 * <p>After a size's pipelined rounds, the same rounds run at fixed rates ({@code --rates}, percentages of the native
 * client's median throughput just measured), each run {@code --rate-seconds} long with its schedule fixed in advance
 * and latency counted from each message's due time (see {@link PipelinedRun}): p50, p99 and p99.9 without
 * coordinated omission.
 */
public final class KafkaSideBySide {
    /** Messages sent and acknowledged on each fresh producer before its clock starts. */
    private static final int PRIME_MESSAGES = 2_000;
    /** The bound of each wait for a permit, an acknowledgement, a close or an admin call. */
    private static final long WAIT_SECONDS = 60;

    private final Options options;
    private final EmbeddedKafka broker;
    private final Admin admin;
    private final PhasedRounds<Kind, Result> rounds;
    private int runCounter;

    private KafkaSideBySide(Options options, EmbeddedKafka broker, Admin admin) {
        this.options = options;
        this.broker = broker;
        this.admin = admin;
        this.rounds = new PhasedRounds<>("kafka", Kind.NATIVE.label, options.kinds(), new PhasedRounds.Plan(options.keys,
                options.warmup, options.rounds, options.messages, options.rates, options.rateSeconds), options.results);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        TimeBound timeBound = TimeBound.start("KafkaSideBySide", options.maxMinutes);

        int status = 1;
        System.out.println(MachineLoad.banner("KafkaSideBySide", options));
        Optional<Path> memory = MemoryDisk.directory();
        System.out.println("Kafka's log: " + memory.map(dir -> "in " + dir + " (memory, see MemoryDisk)")
                .orElse("in the temporary directory (no /dev/shm here with room for it)"));
        EmbeddedKafka.Builder builder = EmbeddedKafka.builder().autoCreateTopics(false).timeout(Duration.ofSeconds(WAIT_SECONDS))
                // each run's topic is deleted after it: its gigabyte of 1 KiB messages goes at once, not a minute later
                .brokerProperty("log.segment.delete.delay.ms", "0");
        memory.ifPresent(builder::dataDirectoryIn);
        try (EmbeddedKafka broker = builder.build().start()) {
            Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000));
            try {
                KafkaSideBySide benchmark = new KafkaSideBySide(options, broker, admin);
                benchmark.checkSameConfiguration();
                for (int size : options.sizes) {
                    benchmark.measure(size);
                }
                benchmark.report();
                status = 0;
            } finally {
                admin.close(Duration.ofSeconds(WAIT_SECONDS));
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            timeBound.cancel();
            System.out.flush();
        }
        // everything was closed above; exit without waiting for any straggling non-daemon thread of the broker
        System.exit(status);
    }

    // ------------------------------------------------------------------------------------------------ the clients

    private PipelinedRun.Client open(Kind kind, String topic) {
        String clientId = "sbs-" + kind.label + "-" + (++runCounter);
        return switch (kind) {
            case NATIVE -> new NativeClient(nativeProducer(clientId), topic);
            case SWITCHBOARD -> new PipelinedSwitchboardClient(switchboardProducer(clientId), topic,
                    Duration.ofSeconds(WAIT_SECONDS));
            case BACKEND -> new BackendClient(backend(clientId), topic);
        };
    }

    private static final class NativeClient implements PipelinedRun.Client {
        private final KafkaProducer<String, byte[]> producer;
        private final String topic;

        NativeClient(KafkaProducer<String, byte[]> producer, String topic) {
            this.producer = producer;
            this.topic = topic;
        }

        @Override
        public void send(int index, String key, byte[] value, PipelinedRun run) {
            try {
                producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> run.done(index, error));
            } catch (RuntimeException e) {
                run.done(index, e);
            }
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(WAIT_SECONDS));
        }
    }

    /**
     * Diagnostic ({@code --backend true}): the kafka binding's {@link ProducerBackend} driven through the SPI, without
     * the core producer (no permits, in-flight tracking, deadline sweeper or second future), as the core would call it.
     * Between native and switchboard, it tells the binding's cost from the core's.
     */
    private static final class BackendClient implements PipelinedRun.Client {
        private final ProducerBackend backend;
        private final Destination topic;
        private final long deliveryTimeoutNanos = ProducerSettings.defaults().deliveryTimeout().toNanos();

        BackendClient(ProducerBackend backend, String topic) {
            this.backend = backend;
            this.topic = Destination.of(topic);
        }

        @Override
        public void send(int index, String key, byte[] value, PipelinedRun run) {
            backend.send(OutboundRecord.of(topic, key, value, Headers.empty(), null, -1, null, null, null,
                    System.nanoTime() + deliveryTimeoutNanos)).whenComplete((receipt, error) -> run.done(index, error));
        }

        @Override
        public void close() {
            backend.close(Duration.ofSeconds(WAIT_SECONDS));
        }
    }

    private ProducerBackend backend(String clientId) {
        ProducerSettings settings = ProducerSettings.from(neutralSettings(clientId));
        return new KafkaBindingProvider().createProducer(new BindingConfig(settings, KafkaBindingProvider.NAME,
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), Map.of()));
    }

    /** Switchboard's neutral settings: the defaults, plus the options the user chose. */
    private Map<String, String> neutralSettings(String clientId) {
        return NeutralSettings.of("kafka", clientId, options.lingerMs, options.batchSize, options.compression);
    }

    private Producer<byte[]> switchboardProducer(String clientId) {
        Map<String, String> settings = neutralSettings(clientId);
        settings.put("kafka." + ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return Switchboard.builder(Serializers.bytes()).properties(settings).build();
    }

    /**
     * The native producer, configured with what the binding derives from the same neutral settings (see
     * kafka-binding's KafkaSettings and DeliveryTimings, and the README's table); {@link #checkSameConfiguration}
     * proves the result against the binding's own producer.
     */
    private KafkaProducer<String, byte[]> nativeProducer(String clientId) {
        ProducerSettings neutral = ProducerSettings.from(neutralSettings(clientId));
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        // switchboard.guarantee=at-least-once: acks=all, Kafka's default idempotence kept
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        long lingerMs = neutral.linger() != null ? neutral.linger().toMillis() : kafkaDefault(ProducerConfig.LINGER_MS_CONFIG);
        long batchSize = neutral.batchMaxBytes() != null ? neutral.batchMaxBytes() : kafkaDefault(ProducerConfig.BATCH_SIZE_CONFIG);
        config.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(lingerMs));
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Long.toString(batchSize));
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, neutral.compression().name().toLowerCase(Locale.ROOT));
        // buffer.memory = B + N x (batch.size + 1 KiB); max.request.size = M + 64 KiB
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG,
                Long.toString(neutral.bufferMaxBytes() + neutral.bufferMaxMessages() * (batchSize + 1024)));
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Long.toString(neutral.maxMessageSize() + 64L * 1024));
        // DeliveryTimings: margin m = D/20 within [100 ms, 1 s]; delivery = D - m; request = min(30 s, (delivery -
        // linger) / 2); max.block = delivery / 2; backoff ceilings = min(1 s, max(start, max.block / 4))
        long totalNanos = neutral.deliveryTimeout().toNanos();
        long margin = Math.min(totalNanos / 2, Math.max(TimeUnit.MILLISECONDS.toNanos(100),
                Math.min(TimeUnit.SECONDS.toNanos(1), totalNanos / 20)));
        long deliveryMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(totalNanos - margin));
        long maxBlockMs = Math.max(1, deliveryMs / 2);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(deliveryMs));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.max(1, Math.min(30_000, (deliveryMs - lingerMs) / 2))));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(maxBlockMs));
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, Long.toString(Math.min(
                kafkaDefault(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG),
                Math.max(kafkaDefault(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG), maxBlockMs / 4))));
        config.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, Long.toString(Math.min(
                kafkaDefault(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG),
                Math.max(kafkaDefault(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), maxBlockMs / 4))));
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static long kafkaDefault(String key) {
        return ((Number) ProducerConfig.configDef().defaultValues().get(key)).longValue();
    }

    /** The keys shown in the header; every other key is compared too. */
    private static final List<String> SHOWN = List.of(ProducerConfig.ACKS_CONFIG, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, ProducerConfig.LINGER_MS_CONFIG,
            ProducerConfig.BATCH_SIZE_CONFIG, ProducerConfig.COMPRESSION_TYPE_CONFIG, ProducerConfig.BUFFER_MEMORY_CONFIG,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, ProducerConfig.MAX_BLOCK_MS_CONFIG, ProducerConfig.PARTITIONER_CLASS_CONFIG);
    /** Allowed to differ: the name, and the serializers (String keys natively; the binding encodes keys itself). */
    private static final Set<String> MAY_DIFFER = Set.of(ProducerConfig.CLIENT_ID_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);

    /** Opens one producer of each kind and compares the configurations Kafka really runs with; stops on a difference. */
    private void checkSameConfiguration() throws ReflectiveOperationException {
        Map<String, ?> nativeConfig;
        Map<String, ?> bindingConfig;
        try (NativeClient nativeClient = (NativeClient) open(Kind.NATIVE, "unused");
             PipelinedSwitchboardClient switchboardClient = (PipelinedSwitchboardClient) open(Kind.SWITCHBOARD, "unused")) {
            nativeConfig = effectiveConfig(nativeClient.producer);
            bindingConfig = effectiveConfig(switchboardClient.producer.unwrap(KafkaProducer.class));
        }
        Set<String> keys = new TreeSet<>(nativeConfig.keySet());
        keys.addAll(bindingConfig.keySet());
        List<String> differences = new ArrayList<>();
        for (String key : keys) {
            if (!MAY_DIFFER.contains(key) && !Objects.equals(nativeConfig.get(key), bindingConfig.get(key))) {
                differences.add(key + ": native=" + nativeConfig.get(key) + ", switchboard=" + bindingConfig.get(key));
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the two producers would not run with the same Kafka configuration:\n  "
                    + String.join("\n  ", differences));
        }
        StringBuilder shown = new StringBuilder();
        for (String key : SHOWN) {
            Object value = nativeConfig.get(key);
            shown.append(shown.length() == 0 ? "" : ", ").append(key).append('=')
                    .append(value instanceof Class<?> type ? type.getSimpleName() : value);
        }
        System.out.println("Effective Kafka producer configuration, identical on both (" + keys.size()
                + " keys compared; only client.id and serializers differ):\n  " + shown);
    }

    /**
     * The configuration the {@code KafkaProducer} really runs with, after its defaults and adjustments. Kafka has no
     * public getter (kafka-binding's tests read it the same way).
     */
    private static Map<String, ?> effectiveConfig(KafkaProducer<?, ?> producer) throws ReflectiveOperationException {
        Field field = KafkaProducer.class.getDeclaredField("producerConfig");
        field.setAccessible(true);
        return ((ProducerConfig) field.get(producer)).values();
    }

    // ------------------------------------------------------------------------------------------------ the runs

    private enum Kind {
        NATIVE("native"), SWITCHBOARD("switchboard"), BACKEND("sb-backend");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Pipelined rounds for throughput and CPU, then rounds at each fixed rate for latency. */
    private void measure(int size) throws Exception {
        rounds.measure(size, HEADER, this::run);
    }

    /** One client on a fresh topic and a fresh producer: prime, then measure {@code messages} sends. */
    private Result run(Kind kind, int size, int round, int messages, String[] keys, byte[] value) throws Exception {
        String topic = "sbs-" + size + "-" + kind.label + "-" + (runCounter + 1);
        broker.createTopic(topic, options.partitions);
        PipelinedRun measured = rounds.phase().newRun(messages, options.inFlight, WAIT_SECONDS);
        try (PipelinedRun.Client client = open(kind, topic)) {
            PipelinedRun prime = new PipelinedRun(PRIME_MESSAGES, options.inFlight, WAIT_SECONDS);
            prime.sendAll(client, keys, value);
            if (prime.errors.get() > 0) {
                throw new IllegalStateException(kind.label + ": " + prime.errors.get() + " priming sends failed, first: "
                        + prime.firstError);
            }
            System.gc();
            measured.sendAll(client, keys, value);
        } finally {
            admin.deleteTopics(List.of(topic)).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        return new Result(kind, size, rounds.phase().mode(), round, RunFigures.of(measured),
                CpuSplit.between(measured.threadsAtBegin, measured.threadsAtEnd, measured.senderThreadId));
    }

    private record Result(Kind kind, int size, String mode, int round, RunFigures figures, CpuSplit split)
            implements PhasedRounds.Measured {

        @Override
        public String client() {
            return kind.label;
        }

        @Override
        public String line() {
            double perMessage = 1_000.0 * figures.messages();
            return String.format(Locale.ROOT, "%-6s %-5s %-11s %s %7.1f %7.1f %7.1f %7.1f %6d %6.2f",
                    SizeText.of(size), round == 0 ? "warm" : Integer.toString(round), kind.label, figures.columns(),
                    split.callerNanos() / perMessage, split.kafkaIoNanos() / perMessage,
                    split.switchboardNanos() / perMessage, split.otherNanos() / perMessage, figures.errors(), figures.load());
        }
    }

    // ------------------------------------------------------------------------------------------------ the report

    private static final String HEADER = String.format(Locale.ROOT,
            "%-6s %-5s %-11s %10s %8s %8s %8s %8s %8s %7s %7s %7s %7s %6s %6s%n%-58s %s",
            "size", "round", "client", "msg/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "cpu/msg", "caller", "kafkaIO", "sb-thr",
            "broker", "errors", "load1", "", "|-- CPU us per message: whole process; sending thread; Kafka I/O thread;"
                    + " switchboard-* threads; other Java threads (broker). GC and JIT: the rest --|");

    private void report() {
        System.out.println();
        System.out.println("=== Every measured run (latency: send call, or due time at a rate, to acknowledgement) ===");
        System.out.println(HEADER);
        for (Result result : rounds.results()) {
            System.out.println(result.line());
        }
        rounds.printRatios(Kind.SWITCHBOARD.label, options.sizes, "ratios switchboard / native per round");
        if (options.backend) {
            rounds.printRatios(Kind.BACKEND.label, options.sizes, "diagnostic, the binding's SPI backend without the"
                    + " core producer, sb-backend / native");
        }
        int errors = rounds.results().stream().mapToInt(Result::errors).sum();
        System.out.println();
        System.out.println("errors: " + errors + "; load at the end: " + MachineLoad.oneMinute() + " (" + MachineLoad.cpus() + " CPUs)");
    }

    /** CPU nanoseconds of a run: the sending thread, Kafka's producer I/O threads, Switchboard's own threads, the rest. */
    private record CpuSplit(long callerNanos, long kafkaIoNanos, long switchboardNanos, long otherNanos) {
        static CpuSplit between(ThreadCpu before, ThreadCpu after, long callerId) {
            long[] groups = new long[4];
            before.usedUntil(after, (threadId, name, used) -> {
                if (threadId == callerId) {
                    groups[0] += used;
                } else if (name.startsWith("kafka-producer-network-thread | sbs-")) {
                    groups[1] += used;
                } else if (name.startsWith("switchboard-")) {
                    groups[2] += used;
                } else {
                    groups[3] += used;
                }
            });
            return new CpuSplit(groups[0], groups[1], groups[2], groups[3]);
        }
    }

    // ------------------------------------------------------------------------------------------------ options

    private record Options(int messages, int warmup, int rounds, int[] sizes, int inFlight, int keys, int partitions,
                           Integer lingerMs, Integer batchSize, String compression, long maxMinutes, boolean backend,
                           int[] rates, int rateSeconds, String results) {

        /** The clients of each round, in order. */
        List<Kind> kinds() {
            return backend ? List.of(Kind.NATIVE, Kind.SWITCHBOARD, Kind.BACKEND) : List.of(Kind.NATIVE, Kind.SWITCHBOARD);
        }

        static Options parse(String[] args) {
            OptionParser given = OptionParser.parse(args, "KafkaSideBySide", Set.of("messages", "warmup", "rounds",
                    "sizes", "in-flight", "keys", "partitions", "linger-ms", "batch-size", "compression", "max-minutes",
                    "backend", "rates", "rate-seconds", "results"));
            int[] sizes = given.sizes("100,1024");
            Options options = new Options(given.integer("messages", 1_000_000), given.integer("warmup", 3_000_000),
                    given.integer("rounds", 5), sizes, given.integer("in-flight", 1_000), given.integer("keys", 1_000),
                    given.integer("partitions", 4), given.optionalInteger("linger-ms"),
                    given.optionalInteger("batch-size"), given.text("compression"), given.integer("max-minutes", 10),
                    given.flag("backend"), given.percents("rates", "50,80"), given.integer("rate-seconds", 2),
                    given.text("results"));
            if (options.messages < 1 || options.warmup < 1 || options.rounds < 1 || options.inFlight < 1 || options.keys < 1
                    || options.partitions < 1 || options.rateSeconds < 1 || Arrays.stream(sizes).anyMatch(s -> s < 0)) {
                throw new IllegalArgumentException("counts must be 1 or more and sizes 0 or more: " + options);
            }
            return options;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d messages per run (warm-up %,d), %d rounds, sizes %s, %d in flight,"
                            + " %d keys, %d partitions, linger %s, batch.size %s, compression %s%s; then %s s at %s%% of the"
                            + " native rate", messages, warmup, rounds,
                    Arrays.toString(sizes), inFlight, keys, partitions, lingerMs == null ? "default" : lingerMs + " ms",
                    batchSize == null ? "default" : batchSize, compression == null ? "none" : compression,
                    backend ? ", with the diagnostic sb-backend client" : "", rateSeconds, Arrays.toString(rates));
        }
    }
}
