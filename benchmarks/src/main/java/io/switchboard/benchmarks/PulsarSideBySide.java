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

import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import io.switchboard.embedded.pulsar.EmbeddedPulsar;
import io.switchboard.spi.DeadlineMargin;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.CompressionType;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.ProducerBuilder;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.SizeUnit;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.impl.ProducerBase;
import org.apache.pulsar.client.impl.PulsarClientImpl;
import org.apache.pulsar.client.impl.TopicMessageIdImpl;
import org.apache.pulsar.client.impl.MessageIdImpl;
import org.apache.pulsar.client.impl.conf.ClientConfigurationData;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Side-by-side throughput, send-to-ack latency and CPU of Pulsar's own {@code Producer<byte[]>} and Switchboard's
 * pulsar binding, on the same embedded Pulsar (one bookie and one broker, in this JVM) in one run, reported per run
 * and as ratios (switchboard / native). A plain main like {@link KafkaSideBySide}, built the same way.
 *
 * <p>Fairness (see benchmarks/README.md):
 * <ul>
 *   <li>each run gets a fresh partitioned topic with the same partition count (deleted after the run) and a fresh
 *       client and producer;</li>
 *   <li>the native client and producer are configured with what the binding's {@code NeutralMapping} derives from
 *       the neutral settings (send timeout, operation timeout, pending-message bound, blockIfQueueFull=false, no
 *       client memory limit, compression, batching), and before anything is measured the two sides'
 *       <em>effective</em> client and producer configurations ({@code ClientConfigurationData},
 *       {@code ProducerConfigurationData}, read from the Pulsar objects) are compared field by field: the run stops
 *       on any difference but the producer metadata the binding adds. One message of each is read back and compared
 *       too (key, value, properties, event time, partition);</li>
 *   <li>the same values (one random array per size), the same String keys ({@code key-0 .. key-K}, round robin),
 *       routed by Pulsar on both sides (the key's hash, modulo the partition count);</li>
 *   <li>one sending thread, asynchronous pipelined sends bounded by the same number of unacknowledged messages (a
 *       semaphore taken before each send, released in the completion callback, which both run on Pulsar's I/O
 *       thread);</li>
 *   <li>a warm-up per size for each client, in turns that alternate the clients, a primed producer per run
 *       (lookups, connections and the producers of every partition before the clock starts), a GC before each
 *       measurement, and an order that reverses every round (see {@link AlternatingRounds}); each round's ratio and
 *       the median of the rounds' ratios are reported.</li>
 * </ul>
 *
 * <pre>
 * java -cp "benchmarks/target/switchboard-benchmarks.jar:benchmarks/target/lib/*" io.switchboard.benchmarks.PulsarSideBySide
 *      [--messages 300000] [--warmup 600000] [--rounds 5] [--sizes 100,1024] [--in-flight 1000] [--keys 1000]
 *      [--partitions 4] [--linger-ms N] [--batch-size N] [--compression none|gzip|snappy|lz4|zstd] [--max-minutes 10]
 *      [--rates 50,80|none] [--rate-seconds 2] [--results file.tsv]
 * </pre>
 *
 * <p>After a size's pipelined rounds, the same rounds run at fixed rates, as in {@link KafkaSideBySide}.
 */
public final class PulsarSideBySide {
    /** Messages sent and acknowledged on each fresh producer before its clock starts. */
    private static final int PRIME_MESSAGES = 2_000;
    /** The bound of each wait for a permit, an acknowledgement, a close or an admin call. */
    private static final long WAIT_SECONDS = 60;

    private final Options options;
    private final EmbeddedPulsar broker;
    private final PulsarAdmin admin;
    private final PhasedRounds<Kind, Result> rounds;
    private int runCounter;

    private PulsarSideBySide(Options options, EmbeddedPulsar broker, PulsarAdmin admin) {
        this.options = options;
        this.broker = broker;
        this.admin = admin;
        this.rounds = new PhasedRounds<>("pulsar", Kind.NATIVE.label, List.of(Kind.values()), new PhasedRounds.Plan(
                options.keys, options.warmup, options.rounds, options.messages, options.rates, options.rateSeconds),
                options.results);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        TimeBound timeBound = TimeBound.start("PulsarSideBySide", options.maxMinutes);

        int status = 1;
        long start = System.nanoTime();
        System.out.println(MachineLoad.banner("PulsarSideBySide", options));
        try (EmbeddedPulsar broker = EmbeddedPulsar.builder().allowAutoTopicCreation(false).build()) {
            broker.start();
            System.out.println("embedded Pulsar at " + broker.serviceUrl() + " (client " + clientVersion() + ")");
            try (PulsarAdmin admin = PulsarAdmin.builder().serviceHttpUrl(broker.httpUrl())
                    .requestTimeout((int) WAIT_SECONDS, TimeUnit.SECONDS).build()) {
                PulsarSideBySide benchmark = new PulsarSideBySide(options, broker, admin);
                benchmark.checkSameConfiguration();
                for (int size : options.sizes) {
                    benchmark.measure(size);
                }
                benchmark.report();
                System.out.printf(Locale.ROOT, "total %.0f s%n", (System.nanoTime() - start) / 1e9);
                status = 0;
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

    private static String clientVersion() {
        String version = PulsarClient.class.getPackage().getImplementationVersion();
        return version == null ? "unknown version" : version;
    }

    // ------------------------------------------------------------------------------------------------ the clients

    private PipelinedRun.Client open(Kind kind, String topic) throws Exception {
        String clientId = "sbs-" + kind.label + "-" + (++runCounter);
        return switch (kind) {
            case NATIVE -> new NativeClient(nativeClient(), clientId, topic);
            case SWITCHBOARD -> new PipelinedSwitchboardClient(switchboardProducer(clientId), topic,
                    Duration.ofSeconds(WAIT_SECONDS));
        };
    }

    private final class NativeClient implements PipelinedRun.Client {
        private final PulsarClient client;
        private final org.apache.pulsar.client.api.Producer<byte[]> producer;

        NativeClient(PulsarClient client, String clientId, String topic) throws Exception {
            this.client = client;
            try {
                this.producer = nativeProducer(client, topic).create();
            } catch (Exception | Error e) {
                client.close();
                throw e;
            }
        }

        @Override
        public void send(int index, String key, byte[] value, PipelinedRun run) {
            try {
                producer.newMessage().key(key).value(value).sendAsync().whenComplete((id, error) -> run.done(index, error));
            } catch (RuntimeException e) {
                run.done(index, e);
            }
        }

        @Override
        public void close() {
            try {
                producer.closeAsync().get(WAIT_SECONDS, TimeUnit.SECONDS);
                client.closeAsync().get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the native Pulsar client did not close: " + e, e);
            }
        }
    }

    /** Switchboard's neutral settings: the defaults, plus the options the user chose. */
    private Map<String, String> neutralSettings(String clientId) {
        return NeutralSettings.of("pulsar", clientId, options.lingerMs, options.batchSize, options.compression);
    }

    private Producer<byte[]> switchboardProducer(String clientId) {
        Map<String, String> settings = neutralSettings(clientId);
        settings.put("pulsar.serviceUrl", broker.serviceUrl());
        return Switchboard.builder(Serializers.bytes()).properties(settings).build();
    }

    /** Pulsar's send timeout for the neutral delivery timeout: shorter by the shared DeadlineMargin (NeutralMapping). */
    private static long sendTimeoutMillis(ProducerSettings neutral) {
        Duration timeout = neutral.deliveryTimeout();
        return Math.max(1, Math.min(Integer.MAX_VALUE, timeout.minus(DeadlineMargin.of(timeout)).toMillis()));
    }

    /**
     * The native client, configured with what the binding derives from the same neutral settings (pulsar-binding's
     * NeutralMapping and its README's table); {@link #checkSameConfiguration} proves the result against the binding's.
     */
    private PulsarClient nativeClient() throws Exception {
        ProducerSettings neutral = ProducerSettings.from(neutralSettings("unused"));
        return PulsarClient.builder().serviceUrl(broker.serviceUrl())
                // the core's permits bound what is buffered; Pulsar's own memory limit would be a second buffer
                .memoryLimit(0, SizeUnit.BYTES)
                .operationTimeout((int) Math.min(30_000, sendTimeoutMillis(neutral)), TimeUnit.MILLISECONDS)
                // a third of the send timeout, 5 to 30 s: a dead connection is replaced within the delivery timeout
                .keepAliveInterval((int) Math.max(5, Math.min(30, sendTimeoutMillis(neutral) / 3_000)), TimeUnit.SECONDS)
                .build();
    }

    /** The native producer's settings, as the binding's NeutralMapping sets them for the same neutral settings. */
    private ProducerBuilder<byte[]> nativeProducer(PulsarClient client, String topic) {
        ProducerSettings neutral = ProducerSettings.from(neutralSettings("unused"));
        ProducerBuilder<byte[]> builder = client.newProducer().topic(topic)
                .sendTimeout((int) sendTimeoutMillis(neutral), TimeUnit.MILLISECONDS)
                .blockIfQueueFull(false)
                // no maxPendingMessages: the binding leaves Pulsar its default (no bound of its own), and so does this
                .compressionType(CompressionType.valueOf(switch (neutral.compression()) {
                    case NONE -> "NONE";
                    case GZIP -> "ZLIB";
                    case SNAPPY -> "SNAPPY";
                    case LZ4 -> "LZ4";
                    case ZSTD -> "ZSTD";
                }));
        if (neutral.linger() != null) {
            builder.enableBatching(!neutral.linger().isZero());
            if (!neutral.linger().isZero()) {
                builder.batchingMaxPublishDelay(neutral.linger().toNanos() / 1000, TimeUnit.MICROSECONDS);
            }
        }
        if (neutral.batchMaxBytes() != null) {
            builder.batchingMaxBytes(neutral.batchMaxBytes());
        }
        return builder;
    }

    /**
     * Client settings allowed to differ, and why. The binding configures its client with Pulsar's {@code loadConf},
     * which copies the configuration's getters before applying the map: {@code getLookupTimeoutMs()} of a fresh
     * configuration is the default operation timeout (30 s), so that value is fixed before the binding's
     * {@code operationTimeoutMs} (29 s here) applies. A native client built with {@code operationTimeout(...)} keeps
     * the lookup timeout at "the operation timeout" (29 s). Only topic lookups use it, and every lookup of a run
     * happens while its producer is primed, before the clock starts.
     */
    private static final Map<String, String> CLIENT_MAY_DIFFER = Map.of("lookupTimeoutMs",
            "the binding's client configuration goes through Pulsar's loadConf, which fixes the lookup timeout at the"
                    + " default operation timeout; lookups all happen before the clock starts");
    /** Producer settings allowed to differ, and why. */
    private static final Map<String, String> PRODUCER_MAY_DIFFER = Map.of("properties",
            "producer metadata: the binding names its Switchboard client id (sent once when the producer opens, not on messages)");
    /** The settings shown in the header; every other field is compared too. */
    private static final List<String> SHOWN_PRODUCER = List.of("batchingEnabled", "batchingMaxPublishDelayMicros",
            "batchingMaxMessages", "batchingMaxBytes", "compressionType", "sendTimeoutMs", "maxPendingMessages",
            "maxPendingMessagesAcrossPartitions", "blockIfQueueFull", "messageRoutingMode", "hashingScheme",
            "chunkingEnabled", "accessMode");
    private static final List<String> SHOWN_CLIENT = List.of("memoryLimitBytes", "operationTimeoutMs", "numIoThreads",
            "numListenerThreads", "connectionsPerBroker", "useTcpNoDelay", "maxLookupRequest", "keepAliveIntervalSeconds");

    /**
     * Opens one producer of each kind on the same partitioned topic and compares the configurations Pulsar really runs
     * with (client and producer), then sends one message through each and compares them as a consumer receives
     * them. Stops on a difference.
     */
    private void checkSameConfiguration() throws Exception {
        String topic = broker.createPartitionedTopic("sbs-check", options.partitions);
        Map<String, Object> nativeClientConfig;
        Map<String, Object> bindingClientConfig;
        Map<String, Object> nativeProducerConfig;
        Map<String, Object> bindingProducerConfig;
        String nativeName;
        String bindingName;
        byte[] value = new byte[16];
        new Random(16).nextBytes(value);
        try (PulsarClient reader = PulsarClient.builder().serviceUrl(broker.serviceUrl()).build();
             Consumer<byte[]> consumer = reader.newConsumer().topic(topic).subscriptionName("sbs-check")
                     .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe()) {
            try (NativeClient nativeClient = (NativeClient) open(Kind.NATIVE, topic);
                 PipelinedSwitchboardClient switchboardClient = (PipelinedSwitchboardClient) open(Kind.SWITCHBOARD, topic)) {
                // the binding opens its producer on the first message to a destination
                switchboardClient.producer.sendAsync(Message.to(switchboardClient.topic).key("key-0").value(value))
                        .get(WAIT_SECONDS, TimeUnit.SECONDS);
                nativeClient.producer.newMessage().key("key-0").value(value).sendAsync().get(WAIT_SECONDS, TimeUnit.SECONDS);
                PulsarClientImpl bindingClient = (PulsarClientImpl) switchboardClient.producer.unwrap(PulsarClient.class);
                nativeClientConfig = fields(((PulsarClientImpl) nativeClient.client).getConfiguration());
                bindingClientConfig = fields(bindingClient.getConfiguration());
                ProducerBase<?> bindingProducer = onlyProducerOf(bindingClient);
                nativeProducerConfig = fields(((ProducerBase<?>) nativeClient.producer).getConfiguration());
                bindingProducerConfig = fields(bindingProducer.getConfiguration());
                nativeName = nativeClient.producer.getProducerName();
                bindingName = bindingProducer.getProducerName();
            }
            Map<String, org.apache.pulsar.client.api.Message<byte[]>> received = new HashMap<>();
            for (int i = 0; i < 2; i++) {
                org.apache.pulsar.client.api.Message<byte[]> message = consumer.receive((int) WAIT_SECONDS, TimeUnit.SECONDS);
                if (message == null) {
                    throw new IllegalStateException("the check messages were not received within " + WAIT_SECONDS + " s");
                }
                received.put(message.getProducerName(), message);
            }
            compareMessages(received.get(nativeName), received.get(bindingName));
        } finally {
            admin.topics().deletePartitionedTopic(topic, true);
        }
        List<String> differences = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        compareConfigurations("client", nativeClientConfig, bindingClientConfig, CLIENT_MAY_DIFFER, differences, allowed);
        compareConfigurations("producer", nativeProducerConfig, bindingProducerConfig, PRODUCER_MAY_DIFFER, differences,
                allowed);
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the two producers would not run with the same Pulsar configuration:\n  "
                    + String.join("\n  ", differences));
        }
        System.out.println("Effective Pulsar configuration (" + nativeClientConfig.size() + " client and "
                + nativeProducerConfig.size() + " producer settings compared), the same on both:\n  client: "
                + shown(nativeClientConfig, SHOWN_CLIENT) + "\n  producer: " + shown(nativeProducerConfig, SHOWN_PRODUCER)
                + (allowed.isEmpty() ? "" : "\nexcept, known and not measured:\n  " + String.join("\n  ", allowed)));
    }

    private static void compareConfigurations(String what, Map<String, Object> a, Map<String, Object> b,
                                              Map<String, String> mayDiffer, List<String> differences, List<String> allowed) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            if (!Objects.equals(a.get(key), b.get(key))) {
                String difference = what + " " + key + ": native=" + a.get(key) + ", switchboard=" + b.get(key);
                if (mayDiffer.containsKey(key)) {
                    allowed.add(difference + " (" + mayDiffer.get(key) + ")");
                } else {
                    differences.add(difference);
                }
            }
        }
    }

    private static void compareMessages(org.apache.pulsar.client.api.Message<byte[]> a,
                                        org.apache.pulsar.client.api.Message<byte[]> b) {
        if (a == null || b == null) {
            throw new IllegalStateException("expected one check message from each client's producer");
        }
        List<String> differences = new ArrayList<>();
        compare(differences, "key", a.getKey(), b.getKey());
        compare(differences, "value", Arrays.toString(a.getValue()), Arrays.toString(b.getValue()));
        compare(differences, "properties", a.getProperties(), b.getProperties());
        compare(differences, "event time", a.getEventTime(), b.getEventTime());
        compare(differences, "partition", partitionOf(a.getMessageId()), partitionOf(b.getMessageId()));
        compare(differences, "topic", a.getTopicName(), b.getTopicName());
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the two clients' check messages differ: " + String.join("; ", differences));
        }
        System.out.println("One message of each, as received: same key, value, properties " + a.getProperties()
                + ", event time " + a.getEventTime() + " and partition (" + a.getTopicName() + ")");
    }

    private static void compare(List<String> differences, String what, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            differences.add(what + ": " + a + " / " + b);
        }
    }

    private static int partitionOf(MessageId id) {
        MessageId inner = id instanceof TopicMessageIdImpl topic ? topic.getInnerMessageId() : id;
        return inner instanceof MessageIdImpl impl ? impl.getPartitionIndex() : -1;
    }

    /** The one producer a client has open: the binding's is reachable only through its client. */
    @SuppressWarnings("unchecked")
    private static ProducerBase<?> onlyProducerOf(PulsarClientImpl client) throws ReflectiveOperationException {
        Field field = PulsarClientImpl.class.getDeclaredField("producers");
        field.setAccessible(true);
        Collection<ProducerBase<?>> producers = (Collection<ProducerBase<?>>) field.get(client);
        if (producers.size() != 1) {
            throw new IllegalStateException("expected the binding's client to have one producer, found " + producers);
        }
        return producers.iterator().next();
    }

    /** Every instance field of a Pulsar configuration object, by name (Pulsar has no map view of them). */
    private static Map<String, Object> fields(Object configuration) throws IllegalAccessException {
        Map<String, Object> values = new TreeMap<>();
        for (Class<?> type = configuration.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    values.put(field.getName(), comparable(field.get(configuration)));
                }
            }
        }
        if (configuration instanceof ClientConfigurationData client) {
            // what Pulsar uses: a negative lookup timeout means the operation timeout
            values.put("lookupTimeoutMs", client.getLookupTimeoutMs());
        }
        return values;
    }

    /** Objects without equals (a default authentication, a clock) compare by class. */
    private static Object comparable(Object value) {
        if (value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
            return null; // an empty collection and none mean the same to Pulsar
        }
        if (value == null || value instanceof Number || value instanceof CharSequence || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof Collection<?> || value instanceof Map<?, ?>
                || value.getClass().isArray()) {
            return value != null && value.getClass().isArray() ? Arrays.deepToString(new Object[]{value}) : value;
        }
        try {
            if (value.getClass().getMethod("equals", Object.class).getDeclaringClass() != Object.class) {
                return value;
            }
        } catch (NoSuchMethodException e) {
            // cannot happen: every class has equals
        }
        return "instance of " + value.getClass().getName();
    }

    private static String shown(Map<String, Object> config, List<String> keys) {
        StringBuilder shown = new StringBuilder();
        for (String key : keys) {
            shown.append(shown.length() == 0 ? "" : ", ").append(key).append('=').append(config.get(key));
        }
        return shown.toString();
    }

    // ------------------------------------------------------------------------------------------------ the runs

    private enum Kind {
        NATIVE("native"), SWITCHBOARD("switchboard");

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
        String topic = broker.createPartitionedTopic("sbs-" + size + "-" + kind.label + "-" + (runCounter + 1),
                options.partitions);
        PipelinedRun measured = rounds.phase().newRun(messages, options.inFlight, WAIT_SECONDS);
        CpuSplit split;
        try {
            Set<Long> threadsBefore = ThreadCpu.now().threadIds();
            try (PipelinedRun.Client client = open(kind, topic)) {
                PipelinedRun prime = new PipelinedRun(PRIME_MESSAGES, options.inFlight, WAIT_SECONDS);
                prime.sendAll(client, keys, value);
                if (prime.errors.get() > 0) {
                    throw new IllegalStateException(kind.label + ": " + prime.errors.get() + " priming sends failed, first: "
                            + prime.firstError);
                }
                System.gc();
                measured.sendAll(client, keys, value);
                split = CpuSplit.between(measured.threadsAtBegin, measured.threadsAtEnd, measured.senderThreadId,
                        threadsBefore);
            }
        } finally {
            admin.topics().deletePartitionedTopic(topic, true);
        }
        return new Result(kind, size, rounds.phase().mode(), round, RunFigures.of(measured), split);
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
            return String.format(Locale.ROOT, "%-6s %-5s %-11s %s %7.1f %7.1f %7.1f %7.1f %7.1f %6d %6.2f",
                    SizeText.of(size), round == 0 ? "warm" : Integer.toString(round), kind.label, figures.columns(),
                    split.callerNanos() / perMessage, split.ioNanos() / perMessage, split.clientOtherNanos() / perMessage,
                    split.switchboardNanos() / perMessage, split.otherNanos() / perMessage, figures.errors(), figures.load());
        }
    }

    // ------------------------------------------------------------------------------------------------ the report

    private static final String HEADER = String.format(Locale.ROOT,
            "%-6s %-5s %-11s %10s %8s %8s %8s %8s %8s %7s %7s %7s %7s %7s %6s %6s%n%-58s %s",
            "size", "round", "client", "msg/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "cpu/msg", "caller", "clnt-io", "clnt-oth",
            "sb-thr", "broker", "errors", "load1", "", "|-- CPU us per message: whole process; sending thread; the"
                    + " client's pulsar-client-io threads; its other threads; switchboard-* threads; the rest (broker,"
                    + " bookie). GC and JIT: the difference --|");

    private void report() {
        System.out.println();
        System.out.println("=== Every measured run (latency: send call, or due time at a rate, to acknowledgement) ===");
        System.out.println(HEADER);
        for (Result result : rounds.results()) {
            System.out.println(result.line());
        }
        rounds.printRatios(Kind.SWITCHBOARD.label, options.sizes, "ratios switchboard / native per round");
        int errors = rounds.results().stream().mapToInt(Result::errors).sum();
        System.out.println();
        System.out.println("errors: " + errors + "; load at the end: " + MachineLoad.oneMinute() + " (" + MachineLoad.cpus() + " CPUs)");
    }

    /**
     * CPU nanoseconds of a run: the sending thread; the client's threads (started after it opened, named
     * {@code pulsar-*}): its I/O threads and the others; Switchboard's own threads; the rest.
     */
    private record CpuSplit(long callerNanos, long ioNanos, long clientOtherNanos, long switchboardNanos, long otherNanos) {
        static CpuSplit between(ThreadCpu before, ThreadCpu after, long callerId, Set<Long> olderThreads) {
            long[] groups = new long[5];
            Set<Long> older = new HashSet<>(olderThreads);
            before.usedUntil(after, (threadId, name, used) -> {
                boolean clientThread = !older.contains(threadId) && name.startsWith("pulsar-");
                if (threadId == callerId) {
                    groups[0] += used;
                } else if (clientThread && name.startsWith("pulsar-client-io")) {
                    groups[1] += used;
                } else if (clientThread) {
                    groups[2] += used;
                } else if (name.startsWith("switchboard-")) {
                    groups[3] += used;
                } else {
                    groups[4] += used;
                }
            });
            return new CpuSplit(groups[0], groups[1], groups[2], groups[3], groups[4]);
        }
    }

    // ------------------------------------------------------------------------------------------------ options

    private record Options(int messages, int warmup, int rounds, int[] sizes, int inFlight, int keys, int partitions,
                           Integer lingerMs, Integer batchSize, String compression, long maxMinutes, int[] rates,
                           int rateSeconds, String results) {

        static Options parse(String[] args) {
            OptionParser given = OptionParser.parse(args, "PulsarSideBySide", Set.of("messages", "warmup", "rounds",
                    "sizes", "in-flight", "keys", "partitions", "linger-ms", "batch-size", "compression", "max-minutes",
                    "rates", "rate-seconds", "results"));
            int[] sizes = given.sizes("100,1024");
            Options options = new Options(given.integer("messages", 300_000), given.integer("warmup", 600_000),
                    given.integer("rounds", 5), sizes, given.integer("in-flight", 1_000), given.integer("keys", 1_000),
                    given.integer("partitions", 4), given.optionalInteger("linger-ms"),
                    given.optionalInteger("batch-size"), given.text("compression"), given.integer("max-minutes", 10),
                    given.percents("rates", "50,80"), given.integer("rate-seconds", 2), given.text("results"));
            if (options.messages < 1 || options.warmup < 1 || options.rounds < 1 || options.inFlight < 1 || options.keys < 1
                    || options.partitions < 1 || options.maxMinutes < 1 || options.rateSeconds < 1 || Arrays.stream(sizes).anyMatch(s -> s < 0)) {
                throw new IllegalArgumentException("counts must be 1 or more and sizes 0 or more: " + options);
            }
            return options;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d messages per run (warm-up %,d), %d rounds, sizes %s, %d in flight,"
                            + " %d keys, %d partitions, linger %s, batch max bytes %s, compression %s, at most %d min;"
                            + " then %d s at %s%% of the native rate",
                    messages, warmup, rounds, Arrays.toString(sizes), inFlight, keys, partitions,
                    lingerMs == null ? "Pulsar's default (1 ms)" : lingerMs + " ms",
                    batchSize == null ? "Pulsar's default (128 KiB)" : batchSize,
                    compression == null ? "none" : compression, maxMinutes, rateSeconds, Arrays.toString(rates));
        }
    }
}
