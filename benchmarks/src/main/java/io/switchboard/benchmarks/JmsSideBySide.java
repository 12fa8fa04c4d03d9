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
import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import io.switchboard.embedded.jms.EmbeddedActiveMqClassic;
import io.switchboard.embedded.jms.EmbeddedArtemis;
import io.switchboard.embedded.jms.EmbeddedJmsBroker;
import io.switchboard.jms.JmsBindingProvider;
import io.switchboard.jms.JmsHeaderNames;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Side-by-side throughput, send time and CPU of plain JMS producers and Switchboard's jms binding, on the same
 * embedded broker (ActiveMQ Artemis and/or ActiveMQ Classic, in this JVM) in one run, with the broker's own client
 * on both sides, reported per run and as ratios (switchboard / native). A plain main like {@link KafkaSideBySide}.
 *
 * <p>Fairness (see benchmarks/README.md for the reasons):
 * <ul>
 *   <li>the same {@code ConnectionFactory} instance (the broker's own provider with its defaults) for both; one
 *       connection per client, a fresh queue per run (removed after it), a fresh client per run;</li>
 *   <li>the same parallelism: the binding has {@code jms.sessions} lanes, each a thread with its own session
 *       sending synchronously; the native client has as many threads, each with its own session and a
 *       {@code MessageProducer} on the queue sending synchronously. Message {@code i} goes to the same thread
 *       index on both sides (the binding's key-to-lane hash), so each native thread sends exactly what the
 *       corresponding lane sends, in the same order;</li>
 *   <li>the same messages: {@code PERSISTENT}, priority 4, no expiry, a {@code BytesMessage} with the same value,
 *       the key as {@code JMSXGroupID}, the same string properties; checked before anything is measured by
 *       comparing one message of each client, as sent;</li>
 *   <li>the binding is fed by one caller thread through {@code sendAsync}, bounded by {@code --in-flight}
 *       unacknowledged messages (default 16 per session), enough that no lane waits for the caller: when the bound
 *       is reached the caller waits until a quarter of it is acknowledged, so that it is woken once per
 *       {@code in-flight / 4} acknowledgements rather than for each. The native threads each have exactly one send
 *       outstanding. Either way the broker sees at most {@code sessions} sends at once;</li>
 *   <li>no consumer: each run fills its own fresh queue, removed afterwards, so every run starts on the same
 *       (empty) store;</li>
 *   <li>warm-up per broker and size for each client, a primed client per run, a GC before each measurement, and
 *       the order native, switchboard, naive-sync, native, ...; each round's ratio and the median of those are
 *       reported.</li>
 * </ul>
 *
 * <p>A third client, {@code naive-sync}, is not part of the fair comparison but a reference point: what most
 * hand-written JMS code does, one thread with one session and one {@code MessageProducer} on the queue, sending
 * every message persistently and synchronously, one after another (the native client's messages and sending code,
 * on one thread). Switchboard / naive-sync shows what the binding's pipelining over {@code jms.sessions} lanes buys
 * at the same guarantee (each message acknowledged by the broker). It sends its own, smaller number of messages
 * per run ({@code --naive-messages}, warm-up at most as many) so that it does not dominate the run's time.
 *
 * <p>{@code --results FILE} appends each measured run (not the warm-ups) to a tab-separated {@link ResultsFile}.
 *
 * <p>Send time is what one session spends per message: native, the time around creating, filling and sending the
 * message; switchboard, from the moment the lane could start the message (it was handed over and the lane's
 * previous send had finished) to its completion callback. It is the figure to compare. The end-to-end latency of
 * {@code sendAsync} (to the completion callback) also includes waiting in the lane's queue behind up to
 * {@code --in-flight} messages, and is shown apart.
 *
 * <pre>
 * java -cp "benchmarks/target/switchboard-benchmarks.jar:benchmarks/target/lib/*" io.switchboard.benchmarks.JmsSideBySide
 *      [--broker both|artemis|classic] [--messages 25000] [--warmup 40000] [--rounds 5] [--sizes 100,1024]
 *      [--sessions 4] [--in-flight 16 x sessions] [--keys 1000] [--headers 0] [--disk-sync false] [--max-minutes 10]
 *      [--threads false] [--naive-messages messages/5, at least 1000] [--results FILE]
 * </pre>
 */
public final class JmsSideBySide {
    /** Messages sent and acknowledged on each fresh client before its clock starts. */
    private static final int PRIME_MESSAGES = 400;
    /** The bound of each wait for an acknowledgement or a close. */
    private static final long WAIT_SECONDS = 60;
    /** The binding's lane threads: switchboard-jms-{client id}-session-{lane}. */
    private static final Pattern LANE_THREAD = Pattern.compile("^switchboard-jms-.*-session-(\\d+)$");
    private static final String NATIVE_THREAD = "native-jms-sender-";

    private final Options options;
    /** The broker as the options name it ({@code artemis}, {@code classic}), for the results file. */
    private final String brokerKey;
    private final ResultsFile resultsFile;
    private final EmbeddedJmsBroker broker;
    private final ConnectionFactory factory;
    private final Connection admin;
    private final List<Result> results = new ArrayList<>();
    private int runCounter;

    private JmsSideBySide(Options options, String brokerKey, ResultsFile resultsFile, EmbeddedJmsBroker broker,
                          ConnectionFactory factory, Connection admin) {
        this.options = options;
        this.brokerKey = brokerKey;
        this.resultsFile = resultsFile;
        this.broker = broker;
        this.factory = factory;
        this.admin = admin;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        TimeBound timeBound = TimeBound.start("JmsSideBySide", options.maxMinutes);

        int status = 1;
        long start = System.nanoTime();
        System.out.println(MachineLoad.banner("JmsSideBySide", options));
        Map<String, List<Result>> all = new java.util.LinkedHashMap<>();
        try {
            ResultsFile resultsFile = ResultsFile.open(options.results);
            for (String name : options.brokers) {
                EmbeddedJmsBroker.Builder builder = name.equals("artemis") ? EmbeddedArtemis.builder()
                        : EmbeddedActiveMqClassic.builder();
                try (EmbeddedJmsBroker broker = builder.diskSync(options.diskSync).build()) {
                    broker.start();
                    ConnectionFactory factory = broker.connectionFactory();
                    System.out.printf(Locale.ROOT, "%n##### %s at %s (disk sync %s), client %s%n", broker.name(),
                            broker.brokerUrl(), options.diskSync ? "on" : "off", factory.getClass().getName());
                    try (Connection admin = factory.createConnection()) {
                        JmsSideBySide benchmark = new JmsSideBySide(options, name, resultsFile, broker, factory,
                                admin);
                        for (int size : options.sizes) {
                            benchmark.measure(size);
                        }
                        benchmark.report();
                        all.put(broker.name(), benchmark.results);
                    }
                }
            }
            summary(options, all);
            System.out.printf(Locale.ROOT, "%ntotal %.0f s; load at the end %.2f%n", (System.nanoTime() - start) / 1e9,
                    MachineLoad.oneMinute());
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            timeBound.cancel();
            System.out.flush();
        }
        // everything was closed above; exit without waiting for any straggling non-daemon thread of a broker
        System.exit(status);
    }

    // ------------------------------------------------------------------------------------------------ the clients

    /** One client under test: sends every message of a run and returns once each has an outcome. */
    private interface Client extends AutoCloseable {
        void sendAll(Run run) throws Exception;

        @Override
        void close() throws Exception;
    }

    /**
     * Plain JMS: one connection, one thread per given lane, each with its own session and a producer on the queue
     * (persistent, the JMS default), sending its share of the messages synchronously, one after another. The native
     * client has a thread for each of the {@code sessions} lanes; naive-sync one thread for {@link #EVERY_MESSAGE}.
     */
    private static final class NativeClient implements Client {
        /** The lane of a sender that sends every message of a run, in index order (naive-sync). */
        static final int EVERY_MESSAGE = -1;

        private final Connection connection;
        private final List<Sender> senders = new ArrayList<>();

        NativeClient(ConnectionFactory factory, String queue, int[] lanes, String name) throws JMSException {
            connection = factory.createConnection();
            try {
                connection.start();
                for (int lane : lanes) {
                    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    MessageProducer producer = session.createProducer(session.createQueue(queue));
                    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                    // the thread name puts its CPU time in the "send" group (CpuSplit), naive-sync's as well
                    Sender sender = new Sender(lane, session, producer, NATIVE_THREAD + name + "-"
                            + (lane == EVERY_MESSAGE ? "all" : Integer.toString(lane)));
                    senders.add(sender);
                    sender.thread.start();
                }
            } catch (JMSException | RuntimeException e) {
                close();
                throw e;
            }
        }

        /** The native client: a thread for each lane, sending exactly the messages the binding's lane would. */
        static NativeClient perLane(ConnectionFactory factory, String queue, int sessions, String name)
                throws JMSException {
            return new NativeClient(factory, queue, IntStream.range(0, sessions).toArray(), name);
        }

        /** Naive-sync: one thread sending every message. */
        static NativeClient naive(ConnectionFactory factory, String queue, String name) throws JMSException {
            return new NativeClient(factory, queue, new int[]{EVERY_MESSAGE}, name);
        }

        @Override
        public void sendAll(Run run) throws InterruptedException {
            run.remaining = new CountDownLatch(senders.size());
            for (Sender sender : senders) {
                sender.work.add(run);
            }
            if (!run.remaining.await(WAIT_SECONDS * 10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the native senders did not finish within " + WAIT_SECONDS * 10 + " s");
            }
        }

        @Override
        public void close() {
            for (Sender sender : senders) {
                sender.work.add(Run.STOP);
            }
            for (Sender sender : senders) {
                try {
                    sender.thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                connection.close();
            } catch (JMSException e) {
                System.err.println("closing the native connection: " + e);
            }
        }

        /** One session and its thread, alive as long as the client so that its CPU time is counted. */
        private static final class Sender implements Runnable {
            /** The lane whose messages this sender sends, or {@link NativeClient#EVERY_MESSAGE}. */
            final int lane;
            final Session session;
            final MessageProducer producer;
            final LinkedBlockingQueue<Run> work = new LinkedBlockingQueue<>();
            final Thread thread;

            Sender(int lane, Session session, MessageProducer producer, String threadName) {
                this.lane = lane;
                this.session = session;
                this.producer = producer;
                this.thread = new Thread(this, threadName);
                this.thread.setDaemon(true);
            }

            @Override
            public void run() {
                try {
                    Run run;
                    while ((run = work.take()) != Run.STOP) {
                        try {
                            send(run);
                        } finally {
                            run.remaining.countDown();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            private void send(Run run) {
                if (lane == EVERY_MESSAGE) {
                    for (int index = 0; index < run.messages; index++) {
                        send(run, index);
                    }
                } else {
                    for (int index : run.byLane[lane]) {
                        send(run, index);
                    }
                }
            }

            private void send(Run run, int index) {
                Work w = run.work;
                run.started[index] = System.nanoTime();
                try {
                    BytesMessage message = session.createBytesMessage();
                    message.writeBytes(w.value);
                    message.setStringProperty("JMSXGroupID", w.keys[index % w.keys.length]);
                    for (int h = 0; h < w.headerNames.length; h++) {
                        message.setStringProperty(w.propertyNames[h], w.headerValues[h]);
                    }
                    producer.send(message);
                    run.finished[index] = System.nanoTime();
                    if (index == 0) {
                        run.sample = message;
                    }
                } catch (JMSException | RuntimeException e) {
                    run.finished[index] = System.nanoTime();
                    run.failed(e);
                }
            }
        }
    }

    /** Switchboard's jms binding: one caller thread, {@code sendAsync} bounded by {@code --in-flight}. */
    private static final class SwitchboardClient implements Client {
        private final Producer<byte[]> producer;
        private final Destination queue;

        SwitchboardClient(Producer<byte[]> producer, String queue) {
            this.producer = producer;
            this.queue = Destination.queue(queue);
        }

        @Override
        public void sendAll(Run run) throws InterruptedException {
            Work w = run.work;
            // wait for a quarter of the bound to free up before going on: one wake-up per in-flight/4 completions
            // instead of one per completion (a thread woken for every message would cost more than the send call)
            int refill = Math.max(1, run.inFlight / 4);
            for (int i = 0; i < run.messages; i++) {
                if (i - run.completed.get() >= run.inFlight) {
                    run.awaitCompleted(i - run.inFlight + refill);
                }
                int index = i;
                Message.Builder message = Message.to(queue).key(w.keys[index % w.keys.length]);
                for (int h = 0; h < w.headerNames.length; h++) {
                    message.header(w.headerNames[h], w.headerValues[h]);
                }
                run.started[index] = System.nanoTime();
                producer.sendAsync(message.value(w.value)).whenComplete((receipt, error) -> {
                    if (index == 0 && receipt != null) {
                        run.sample = receipt.unwrap(jakarta.jms.Message.class);
                    }
                    run.done(index, error);
                });
            }
            run.awaitCompleted(run.messages);
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(WAIT_SECONDS));
        }
    }

    private Client open(Kind kind, String queue) throws JMSException {
        String name = kind.label + "-" + runCounter;
        return switch (kind) {
            case NATIVE -> NativeClient.perLane(factory, queue, options.sessions, name);
            case NAIVE -> NativeClient.naive(factory, queue, name);
            case SWITCHBOARD -> new SwitchboardClient(Switchboard.builder(Serializers.bytes())
                    .property(ProducerSettings.BINDING, JmsBindingProvider.NAME)
                    .property(ProducerSettings.CLIENT_ID, "sbs-" + name)
                    .property("jms.sessions", Integer.toString(options.sessions))
                    .resource(ConnectionFactory.class, factory)
                    .build(), queue);
        };
    }

    /** Removes a run's queue and its messages with the provider's own API (JMS has none), so the store starts empty. */
    private void removeQueue(String queue) throws Exception {
        if (admin instanceof org.apache.activemq.ActiveMQConnection classic) {
            classic.destroyDestination(new org.apache.activemq.command.ActiveMQQueue(queue));
        } else {
            try (Session session = admin.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                if (session instanceof org.apache.activemq.artemis.jms.client.ActiveMQSession artemis) {
                    artemis.getCoreSession().deleteQueue(org.apache.activemq.artemis.api.core.SimpleString.of(queue));
                } else {
                    throw new IllegalStateException("no way to remove a queue on " + admin.getClass().getName());
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the runs

    /** The clients, in the order they run in each round. */
    private enum Kind {
        NATIVE("native"), SWITCHBOARD("switchboard"),
        /** One thread, one session, synchronous sends: the reference for what pipelining buys (not a fair peer). */
        NAIVE("naive-sync");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** What every run of one size sends: the same value, keys, headers, and the lane of each key. */
    private record Work(byte[] value, String[] keys, int[] laneOfKey, String[] headerNames, String[] propertyNames,
                        String[] headerValues, int sessions) {
        static Work of(int size, int keyCount, int headers, int sessions) {
            byte[] value = new byte[size];
            new Random(size).nextBytes(value);
            String[] keys = new String[keyCount];
            int[] laneOfKey = new int[keyCount];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = "key-" + i;
                // the binding's lane for a key (JmsProducerBackend.laneFor); checked against the completing thread
                int hash = keys[i].hashCode();
                laneOfKey[i] = Math.floorMod(hash ^ (hash >>> 16), sessions);
            }
            String[] names = new String[headers];
            String[] properties = new String[headers];
            String[] values = new String[headers];
            for (int h = 0; h < headers; h++) {
                names[h] = "header-" + h;
                properties[h] = JmsHeaderNames.encode(names[h]);
                values[h] = "value-" + h;
            }
            return new Work(value, keys, laneOfKey, names, properties, values, sessions);
        }
    }

    private void measure(int size) throws Exception {
        Work work = Work.of(size, options.keys, options.headers, options.sessions);
        int[] perLane = new int[options.sessions];
        for (int i = 0; i < options.messages; i++) {
            perLane[work.laneOfKey[i % work.keys.length]]++;
        }
        System.out.printf(Locale.ROOT, "%n%s, %s values: warm-up (%,d messages each, not reported); messages per"
                + " session: %s%n", broker.name(), SizeText.of(size), options.warmup, Arrays.toString(perLane));
        System.out.println(HEADER);
        Map<Kind, String> samples = new java.util.EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            // naive-sync runs the native senders' code, warmed up already: its own smaller count is enough
            int messages = kind == Kind.NAIVE ? Math.min(options.warmup, options.naiveMessages) : options.warmup;
            Result warm = run(kind, size, 0, messages, work, samples);
            System.out.println("  " + warm.line());
        }
        requireSameMessage(samples, Kind.SWITCHBOARD);
        requireSameMessage(samples, Kind.NAIVE);
        System.out.println("  message 0 as sent, identical on all three: " + samples.get(Kind.NATIVE));
        System.out.printf(Locale.ROOT, "%s, %s values: %d rounds of %,d messages per client (naive-sync %,d)%n",
                broker.name(), SizeText.of(size), options.rounds, options.messages, options.naiveMessages);
        for (int round = 1; round <= options.rounds; round++) {
            for (Kind kind : Kind.values()) {
                int messages = kind == Kind.NAIVE ? options.naiveMessages : options.messages;
                Result result = run(kind, size, round, messages, work, null);
                results.add(result);
                ResultsFile.add(resultsFile, result.row(brokerKey));
                System.out.println("  " + result.line());
            }
        }
    }

    /** Stops the benchmark before anything is measured if a client's message 0 differs from the native one's. */
    private static void requireSameMessage(Map<Kind, String> samples, Kind other) {
        if (!samples.get(Kind.NATIVE).equals(samples.get(other))) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the clients do not send the same message:"
                    + "%n  %-12s %s%n  %-12s %s", "native:", samples.get(Kind.NATIVE), other.label + ":",
                    samples.get(other)));
        }
    }

    /** One client on a fresh queue: prime, then measure {@code messages} sends; the queue is removed afterwards. */
    private Result run(Kind kind, int size, int round, int messages, Work work, Map<Kind, String> samples) throws Exception {
        runCounter++;
        String queue = "sbs-" + SizeText.of(size) + "-" + kind.label + "-" + runCounter;
        Run measured = new Run(messages, work, options.inFlight);
        try (Client client = open(kind, queue)) {
            Run prime = new Run(PRIME_MESSAGES, work, options.inFlight);
            client.sendAll(prime);
            if (prime.errors.get() > 0) {
                throw new IllegalStateException(kind.label + ": " + prime.errors.get() + " priming sends failed, first: "
                        + prime.firstError);
            }
            if (samples != null) {
                samples.put(kind, describe(prime.sample));
            }
            System.gc();
            measured.measure(client, this::isProviderClientThread);
        } finally {
            removeQueue(queue);
        }
        Result result = new Result(kind, size, round, measured);
        if (options.threads) {
            System.out.println("    threads by CPU (us per message): " + measured.cpuSplit.top(messages));
        }
        return result;
    }

    /** What must be equal in the messages of both clients: delivery, priority, expiry, properties, body length. */
    private static String describe(jakarta.jms.Message message) throws JMSException {
        if (message == null) {
            return "no message";
        }
        Map<String, Object> properties = new TreeMap<>();
        for (Object name : Collections.list(message.getPropertyNames())) {
            properties.put((String) name, message.getObjectProperty((String) name));
        }
        if (!properties.containsKey("JMSXGroupID")) {
            properties.put("JMSXGroupID", message.getStringProperty("JMSXGroupID"));
        }
        long bodyLength = -1;
        if (message instanceof BytesMessage bytes) {
            bytes.reset();   // read-only mode: Classic refuses to tell the length of a message still being written
            bodyLength = bytes.getBodyLength();
        }
        return String.format(Locale.ROOT, "%s, %s, priority %d, expiration %d, %d-byte body, properties %s",
                message instanceof BytesMessage ? "BytesMessage" : message.getClass().getSimpleName(),
                message.getJMSDeliveryMode() == DeliveryMode.PERSISTENT ? "PERSISTENT" : "NON_PERSISTENT",
                message.getJMSPriority(), message.getJMSExpiration(), bodyLength, properties);
    }

    /** The state of one series of sends. */
    private static final class Run {
        static final Run STOP = new Run(0, Work.of(0, 1, 0, 1), 1);

        final int messages;
        final Work work;
        final int inFlight;
        /** Switchboard: completions so far; the caller waits in {@link #awaitCompleted} for a number of them. */
        final AtomicInteger completed = new AtomicInteger();
        private volatile Thread waiter;
        private volatile int wakeAt;
        final long[] started;
        final long[] finished;
        /** The thread each completion ran on, to check the lane each message was sent by. */
        final Thread[] finishedBy;
        /** The message indexes of each lane (native: of each sender thread), in sending order. */
        final int[][] byLane;
        final AtomicInteger errors = new AtomicInteger();
        volatile Throwable firstError;
        volatile jakarta.jms.Message sample;
        volatile CountDownLatch remaining;
        long begin;
        long cpuNanos;
        CpuSplit cpuSplit;
        double loadBefore;

        Run(int messages, Work work, int inFlight) {
            this.messages = messages;
            this.work = work;
            this.inFlight = inFlight;
            this.started = new long[messages];
            this.finished = new long[messages];
            this.finishedBy = new Thread[messages];
            int[] counts = new int[work.sessions];
            for (int i = 0; i < messages; i++) {
                counts[lane(i)]++;
            }
            byLane = new int[work.sessions][];
            for (int lane = 0; lane < work.sessions; lane++) {
                byLane[lane] = new int[counts[lane]];
            }
            int[] filled = new int[work.sessions];
            for (int i = 0; i < messages; i++) {
                int lane = lane(i);
                byLane[lane][filled[lane]++] = i;
            }
        }

        int lane(int index) {
            return work.laneOfKey[index % work.keys.length];
        }

        void measure(Client client, Predicate<String> providerThreads) throws Exception {
            loadBefore = MachineLoad.oneMinute();
            ThreadCpu threadsBefore = ThreadCpu.now();
            long cpuBefore = ThreadCpu.processNanos();
            begin = System.nanoTime();
            client.sendAll(this);
            cpuNanos = ThreadCpu.processNanos() - cpuBefore;
            cpuSplit = CpuSplit.between(threadsBefore, ThreadCpu.now(), Thread.currentThread().getId(), providerThreads);
        }

        /** Switchboard's completion callback, on the lane's thread (or the caller's, if the send completed first). */
        void done(int index, Throwable error) {
            finished[index] = System.nanoTime();
            finishedBy[index] = Thread.currentThread();
            if (error != null) {
                failed(error);
            }
            int count = completed.incrementAndGet();
            Thread waiting = waiter;
            if (waiting != null && count >= wakeAt) {
                LockSupport.unpark(waiting);
            }
        }

        /** Waits (on the caller's thread) until {@code target} sends have completed. */
        void awaitCompleted(int target) {
            wakeAt = target;
            waiter = Thread.currentThread();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            try {
                int before = completed.get();
                while (completed.get() < target) {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
                    int now = completed.get();
                    if (now != before) {
                        before = now;
                        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
                    } else if (System.nanoTime() - deadline > 0) {
                        throw new IllegalStateException("no acknowledgement for " + WAIT_SECONDS + " s with "
                                + inFlight + " in flight");
                    }
                }
            } finally {
                waiter = null;
            }
        }

        void failed(Throwable error) {
            if (errors.getAndIncrement() == 0) {
                firstError = error;
            }
        }

        /**
         * When each message's send time starts: the later of its start and the previous completion on its lane, so
         * that the send time is what one session spent on the message (handed over, the previous one finished).
         * For the native senders, and naive-sync's one thread, it is the start (each send begins after the last).
         */
        long[] sendStarts() {
            long[] starts = new long[messages];
            for (int[] lane : byLane) {
                long previous = Long.MIN_VALUE;
                for (int index : lane) {
                    starts[index] = previous == Long.MIN_VALUE ? started[index] : Math.max(started[index], previous);
                    previous = finished[index];
                }
            }
            return starts;
        }

        /** Messages whose completion ran on a lane other than the one predicted (Switchboard only; should be 0). */
        int laneMismatches() {
            Map<Thread, Integer> lanes = new IdentityHashMap<>();
            int mismatches = 0;
            for (int i = 0; i < messages; i++) {
                Thread thread = finishedBy[i];
                if (thread == null) {
                    continue;
                }
                int lane = lanes.computeIfAbsent(thread, t -> {
                    Matcher matcher = LANE_THREAD.matcher(t.getName());
                    return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
                });
                if (lane >= 0 && lane != lane(i)) {
                    mismatches++;
                }
            }
            return mismatches;
        }
    }

    /** One run's figures; {@code p50Ms}, {@code p99Ms} and {@code p999Ms} are of the send time. */
    private record Result(Kind kind, int size, int round, int messages, double perSecond, double p50Ms, double p99Ms,
                          double p999Ms, double e2eP50Ms, double e2eP99Ms, double cpuMicrosPerMessage, CpuSplit split,
                          int errors, int laneMismatches, double load) implements RoundRatios.Measured {
        Result(Kind kind, int size, int round, Run run) {
            this(kind, size, round, run, Latencies.of(run.sendStarts(), run.finished), Latencies.of(run.started, run.finished));
        }

        private Result(Kind kind, int size, int round, Run run, Latencies send, Latencies endToEnd) {
            this(kind, size, round, run.messages, SendTimings.perSecond(run.messages, run.begin, run.finished),
                    send.ms(0.50), send.ms(0.99), send.ms(0.999), endToEnd.ms(0.50), endToEnd.ms(0.99),
                    run.cpuNanos / 1_000.0 / run.messages, run.cpuSplit, run.errors.get(), run.laneMismatches(),
                    run.loadBefore);
        }

        /** The results file's line for this run; the process's CPU per message, the load before it. */
        ResultsFile.Row row(String brokerKey) {
            return new ResultsFile.Row("jms", brokerKey, size, "pipelined", round, kind.label, messages, perSecond,
                    p50Ms, p99Ms, p999Ms, cpuMicrosPerMessage, errors, load);
        }

        String line() {
            double perMessage = 1_000.0 * messages;
            return String.format(Locale.ROOT,
                    "%-6s %-5s %-11s %,9.0f %7.3f %7.3f %7.2f %7.2f %7.1f %6.1f %6.1f %6.1f %6.1f %6.1f %6d %5.2f%s",
                    SizeText.of(size), round == 0 ? "warm" : Integer.toString(round), kind.label, perSecond, p50Ms, p99Ms,
                    e2eP50Ms, e2eP99Ms, cpuMicrosPerMessage, split.callerNanos() / perMessage,
                    split.sendersNanos() / perMessage, split.providerNanos() / perMessage,
                    split.switchboardNanos() / perMessage, split.otherNanos() / perMessage, errors, load,
                    laneMismatches == 0 ? "" : "  (" + laneMismatches + " completions on another lane than predicted:"
                            + " send times approximate)");
        }
    }

    // ------------------------------------------------------------------------------------------------ the report

    private static final String HEADER = String.format(Locale.ROOT,
            "%-6s %-5s %-11s %9s %7s %7s %7s %7s %7s %6s %6s %6s %6s %6s %6s %5s%n%-44s %s%n%-61s %s",
            "size", "round", "client", "msg/s", "p50 ms", "p99 ms", "e2e p50", "e2e p99", "cpu/msg", "caller",
            "send", "client", "sb-oth", "rest", "errors", "load1",
            "", "|-- send time per message --| |-- sendAsync to callback --|",
            "", "|-- CPU us per message: process; caller (sendAsync); sending threads (native senders or"
                    + " switchboard's lanes); provider client threads; other switchboard-* threads; rest (broker)."
                    + " GC and JIT: the difference --|");

    private void report() {
        System.out.println();
        System.out.println("=== " + broker.name() + ": every measured run (send time: per message and session;"
                + " e2e: sendAsync to callback, including the lane queue) ===");
        System.out.println(HEADER);
        for (Result result : results) {
            System.out.println(result.line());
        }
        System.out.println();
        System.out.println("=== " + broker.name() + ": ratios switchboard / native per round (throughput: higher is"
                + " better; send time, cpu: lower is better) ===");
        RoundRatios.printHeader();
        for (int size : options.sizes) {
            RoundRatios.printRounds(size, ratios(results, size, options.rounds, Kind.NATIVE));
        }
        System.out.println();
        System.out.println("=== " + broker.name() + ": throughput ratio switchboard / naive-sync per round (naive-sync:"
                + " one thread, one session, synchronous sends; higher is better) ===");
        System.out.printf(Locale.ROOT, "%-6s %-7s %10s%n", "size", "round", "msg/s");
        for (int size : options.sizes) {
            printNaiveRounds(size, ratios(results, size, options.rounds, Kind.NAIVE));
        }
        int errors = results.stream().mapToInt(Result::errors).sum();
        System.out.println();
        System.out.println(broker.name() + ": errors " + errors + "; load at the end: " + MachineLoad.oneMinute() + " ("
                + MachineLoad.cpus() + " CPUs)");
    }

    /** Per round: switchboard / {@code base} for throughput, p50 and p99 send time, CPU per message. */
    private static List<double[]> ratios(List<Result> results, int size, int rounds, Kind base) {
        List<double[]> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Result baseRun = find(results, base, size, round);
            Result other = find(results, Kind.SWITCHBOARD, size, round);
            ratios.add(RoundRatios.of(other, baseRun));
        }
        return ratios;
    }

    /** The throughput column of switchboard / naive-sync: one row per round, then the median and the range. */
    private static void printNaiveRounds(int size, List<double[]> ratios) {
        for (int round = 1; round <= ratios.size(); round++) {
            System.out.printf(Locale.ROOT, "%-6s %-7s %10.2f%n", SizeText.of(size), round, ratios.get(round - 1)[0]);
        }
        System.out.printf(Locale.ROOT, "%-6s %-7s %10.2f   (rounds %s)%n", SizeText.of(size), "MEDIAN",
                RoundRatios.median(ratios, 0), range(ratios, 0));
    }

    /** The lowest and highest value of one column, as {@code low..high}. */
    private static String range(List<double[]> rows, int column) {
        double low = rows.stream().mapToDouble(row -> row[column]).min().orElse(Double.NaN);
        double high = rows.stream().mapToDouble(row -> row[column]).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "%.2f..%.2f", low, high);
    }

    private static void summary(Options options, Map<String, List<Result>> all) {
        System.out.println();
        System.out.println("=== Summary: medians of the per-round ratios switchboard / native, and median msg/s;"
                + " sb/naive: median throughput ratio switchboard / naive-sync, and the rounds' range ===");
        System.out.printf(Locale.ROOT, "%-17s %-6s %10s %10s %10s %8s %8s %8s %10s %9s %s%n", "broker", "size",
                "native/s", "sb/s", "msg/s", "p50", "p99", "cpu/msg", "naive/s", "sb/naive", "range");
        for (Map.Entry<String, List<Result>> entry : all.entrySet()) {
            for (int size : options.sizes) {
                List<Result> results = entry.getValue();
                List<double[]> ratios = ratios(results, size, options.rounds, Kind.NATIVE);
                List<double[]> naive = ratios(results, size, options.rounds, Kind.NAIVE);
                System.out.printf(Locale.ROOT, "%-17s %-6s %,10.0f %,10.0f %10.2f %8.2f %8.2f %8.2f %,10.0f %9.2f %s%n",
                        entry.getKey(), SizeText.of(size), medianRate(results, Kind.NATIVE, size),
                        medianRate(results, Kind.SWITCHBOARD, size), RoundRatios.median(ratios, 0),
                        RoundRatios.median(ratios, 1), RoundRatios.median(ratios, 2), RoundRatios.median(ratios, 3),
                        medianRate(results, Kind.NAIVE, size), RoundRatios.median(naive, 0), range(naive, 0));
            }
        }
    }

    private static double medianRate(List<Result> results, Kind kind, int size) {
        List<double[]> rates = results.stream().filter(r -> r.kind == kind && r.size == size)
                .map(r -> new double[]{r.perSecond}).toList();
        return RoundRatios.median(rates, 0);
    }

    private static Result find(List<Result> results, Kind kind, int size, int round) {
        return results.stream().filter(r -> r.kind == kind && r.size == size && r.round == round).findFirst().orElseThrow();
    }

    /**
     * CPU nanoseconds of a run: the calling thread; the threads that send (native senders, Switchboard's lanes);
     * the JMS provider's client threads; Switchboard's other threads; the rest (the broker).
     */
    private record CpuSplit(long callerNanos, long sendersNanos, long providerNanos, long switchboardNanos, long otherNanos,
                            Map<String, Long> byThread) {
        static CpuSplit between(ThreadCpu before, ThreadCpu after, long callerId, Predicate<String> providerThreads) {
            long[] groups = new long[5];
            Map<String, Long> byThread = new HashMap<>();
            before.usedUntil(after, (threadId, name, used) -> {
                String group;
                if (threadId == callerId) {
                    groups[0] += used;
                    group = "caller";
                } else if (name.startsWith(NATIVE_THREAD) || LANE_THREAD.matcher(name).matches()) {
                    groups[1] += used;
                    group = "send";
                } else if (name.startsWith("switchboard-")) {
                    groups[3] += used;
                    group = "sb-oth";
                } else if (providerThreads.test(name)) {
                    groups[2] += used;
                    group = "client";
                } else {
                    groups[4] += used;
                    group = "rest";
                }
                byThread.merge(String.format(Locale.ROOT, "%-6s  %s", group, name), used, Long::sum);
            });
            return new CpuSplit(groups[0], groups[1], groups[2], groups[3], groups[4], byThread);
        }

        /** The busiest threads with their group, numbers folded (Thread-12 → Thread-N), in µs per message. */
        String top(int messages) {
            Map<String, Long> folded = new TreeMap<>();
            byThread.forEach((name, nanos) -> folded.merge(name.replaceAll("\\d+", "N"), nanos, Long::sum));
            StringBuilder text = new StringBuilder();
            folded.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                    .limit(12).forEach(e -> text.append(String.format(Locale.ROOT, "%n      %7.2f  %s",
                            e.getValue() / 1_000.0 / messages, e.getKey())));
            return text.toString();
        }
    }

    private static final Pattern CLASSIC_TRANSPORT = Pattern.compile("^ActiveMQ Transport: tcp://.*:(\\d+)@(\\d+)$");

    /**
     * The JMS client's own threads, as opposed to the broker's (both in this JVM). Artemis: the client's pools
     * ({@code Thread-N (activemq-client-remoting)}, {@code ActiveMQ-client-global-threads}, the failure check);
     * Classic: the client side of a TCP transport, {@code ActiveMQ Transport: tcp:///127.0.0.1:<broker port>@<local
     * port>} (the broker's side has the broker port after the {@code @}), and the connection's executor.
     */
    private boolean isProviderClientThread(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("activemq-client") || lower.contains("activemq-failure-check")
                || name.startsWith("ActiveMQ Connection Executor")) {
            return true;
        }
        Matcher transport = CLASSIC_TRANSPORT.matcher(name);
        return transport.matches() && broker.brokerUrl().endsWith(":" + transport.group(1));
    }

    // ------------------------------------------------------------------------------------------------ options

    /** {@code results}: the results file, or null; {@code naiveMessages}: naive-sync's messages per run. */
    private record Options(List<String> brokers, int messages, int warmup, int rounds, int[] sizes, int sessions,
                           int inFlight, int keys, int headers, boolean diskSync, long maxMinutes, boolean threads,
                           int naiveMessages, String results) {

        static Options parse(String[] args) {
            OptionParser given = OptionParser.parse(args, "JmsSideBySide", Set.of("broker", "messages", "warmup",
                    "rounds", "sizes", "sessions", "in-flight", "keys", "headers", "disk-sync", "max-minutes", "threads",
                    "naive-messages", "results"));
            List<String> brokers = switch (given.text("broker", "both").strip().toLowerCase(Locale.ROOT)) {
                case "both" -> List.of("artemis", "classic");
                case "artemis" -> List.of("artemis");
                case "classic" -> List.of("classic");
                default -> throw new IllegalArgumentException("--broker must be artemis, classic or both, not '"
                        + given.text("broker") + "'");
            };
            int[] sizes = given.sizes("100,1024");
            int sessions = given.integer("sessions", 4);
            int messages = given.integer("messages", 25_000);
            // one synchronous session is several times slower than the pipelined clients: fewer messages keep it short
            int naiveMessages = given.integer("naive-messages", Math.max(1_000, messages / 5));
            Options options = new Options(brokers, messages, given.integer("warmup", 40_000),
                    given.integer("rounds", 5), sizes, sessions, given.integer("in-flight", 16 * sessions),
                    given.integer("keys", 1_000), given.integer("headers", 0), given.flag("disk-sync"),
                    given.integer("max-minutes", 10), given.flag("threads"), naiveMessages, given.text("results"));
            if (options.messages < 1 || options.naiveMessages < 1 || options.warmup < 1 || options.rounds < 1
                    || options.inFlight < 1 || options.keys < 1 || options.headers < 0 || sessions < 1 || sessions > 64
                    || Arrays.stream(sizes).anyMatch(s -> s < 0)) {
                throw new IllegalArgumentException("counts must be 1 or more (sessions 1 to 64, headers 0 or more) and"
                        + " sizes 0 or more: " + options);
            }
            return options;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "brokers %s, %,d messages per run (warm-up %,d; naive-sync %,d), %d"
                            + " rounds, sizes %s, %d sessions (native: %d threads), switchboard in flight %d, %d keys,"
                            + " %d headers, persistent, disk sync %s%s", brokers, messages, warmup, naiveMessages,
                    rounds, Arrays.toString(sizes), sessions, sessions, inFlight, keys, headers,
                    diskSync ? "on" : "off", results == null ? "" : ", results to " + results);
        }
    }
}
