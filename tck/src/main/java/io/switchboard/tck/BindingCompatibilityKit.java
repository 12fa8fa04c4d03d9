package io.switchboard.tck;

import io.switchboard.Capability;
import io.switchboard.CloseResult;
import io.switchboard.DeliveryGuarantee;
import io.switchboard.Destination;
import io.switchboard.FlushResult;
import io.switchboard.Headers;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Partitioner;
import io.switchboard.Producer;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.Serializer;
import io.switchboard.Serializers;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.switchboard.ProducerSettings.BINDING;
import static io.switchboard.ProducerSettings.BUFFER_MAX_BYTES;
import static io.switchboard.ProducerSettings.BUFFER_MAX_MESSAGES;
import static io.switchboard.ProducerSettings.BUFFER_WHEN_FULL;
import static io.switchboard.ProducerSettings.CLOSE_TIMEOUT;
import static io.switchboard.ProducerSettings.CONTENT_TYPE_HEADER;
import static io.switchboard.ProducerSettings.DELIVERY_TIMEOUT;
import static io.switchboard.ProducerSettings.GUARANTEE;
import static io.switchboard.ProducerSettings.LINGER;
import static io.switchboard.ProducerSettings.MAX_BLOCK;
import static io.switchboard.ProducerSettings.MAX_MESSAGE_SIZE;
import static io.switchboard.ProducerSettings.PARTITIONER;
import static io.switchboard.ProducerSettings.RETRY_BACKOFF;
import static io.switchboard.ProducerSettings.RETRY_MAX_ATTEMPTS;
import static io.switchboard.ProducerSettings.RETRY_MAX_BACKOFF;
import static io.switchboard.tck.ProbeReads.byValue;
import static io.switchboard.tck.ProbeReads.values;
import static io.switchboard.tck.ProbeReads.valuesByKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The compatibility kit every Switchboard binding runs: the producer contract, checked against the broker itself.
 * A binding's test extends this class and returns a {@link BindingFixture} that configures producers, creates
 * destinations, reads them back with the broker's own client (the {@link NativeProbe}) and, where it can, stops
 * and starts the broker:
 *
 * <pre>{@code
 * class KafkaBindingCompatibilityTest extends BindingCompatibilityKit {
 *     static final KafkaFixture FIXTURE = new KafkaFixture(EmbeddedKafka.shared());
 *
 *     @Override
 *     protected BindingFixture fixture() {
 *         return FIXTURE;
 *     }
 * }
 * }</pre>
 *
 * <p>The cases are grouped ({@link Nested}) by part of the contract, and every case reads as a sentence of it.
 * Fidelity is judged by what the probe reads, never by what Switchboard reports. Each case creates its own
 * destinations and closes every producer it opened, so the whole kit shares one broker. Cases for an optional
 * {@link Capability} check both directions: a claimed capability must work as the probe sees it, an unclaimed
 * one must fail {@link Reason#UNSUPPORTED} before anything is sent. The broker outage cases run only when the
 * fixture offers {@link BrokerControl}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
public abstract class BindingCompatibilityKit {
    /** How long what should be there may take to appear: the probe's wait and healthy sends' bound. */
    static final Duration PATIENCE = Duration.ofSeconds(15);
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

    private static final Executor ASIDE = task -> {
        Thread thread = new Thread(task, "switchboard-tck-aside");
        thread.setDaemon(true);
        thread.start();
    };

    private CaseScope scope;
    private ProbeReads probe;

    /**
     * The fixture the kit runs on. Called once per case; return one shared instance (a static field), since
     * every case creates its own destinations on the fixture's broker.
     */
    protected abstract BindingFixture fixture();

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

    // ------------------------------------------------------------------------------------------------ groups

    /** Creating, using and closing producers. */
    @Nested
    @DisplayName("Lifecycle")
    class Lifecycle {

        @Test
        @DisplayName("a producer built from the fixture's properties is served by the fixture's binding")
        void producerIsServedByTheFixturesBinding() {
            Producer<String> producer = strings();
            assertThat(producer.binding()).isNotBlank();
            String named = fixture().producerProperties().get(BINDING);
            if (named != null) {
                assertThat(producer.binding()).isEqualTo(named.strip());
            }
        }

        @Test
        @DisplayName("a message sent with send() is acknowledged, and the broker's own client reads it")
        void sentMessageIsReadNatively() {
            Destination d = topic(1);
            Receipt receipt = strings().send(Message.to(d).key("k").value("hello"));
            assertThat(receipt.destination().name()).isEqualTo(d.name());
            assertThat(values(probe.atLeast(d, 1))).containsExactly("hello");
        }

        @Test
        @DisplayName("a producer that sent nothing closes cleanly and at once")
        void idleProducerClosesCleanly() {
            Producer<String> producer = strings();
            CloseResult result = assertTimeoutPreemptively(MARGIN, () -> producer.close(CLOSE_TIMEOUT_USED),
                    "close() of an idle producer did not return");
            assertThat(result.isClean()).as("an idle producer abandons nothing").isTrue();
        }

        @Test
        @DisplayName("closing one producer leaves another producer on the same broker working")
        void closingOneProducerLeavesAnotherWorking() {
            Destination d = topic(1);
            Producer<String> first = strings();
            Producer<String> second = strings();
            first.send(Message.to(d).key("k").value("from-first"));
            assertTimeoutPreemptively(CLOSE_TIMEOUT_USED.plus(MARGIN), () -> first.close(CLOSE_TIMEOUT_USED));
            second.send(Message.to(d).key("k").value("from-second"));
            assertThat(values(probe.atLeast(d, 2))).containsExactly("from-first", "from-second");
        }

        @Test
        @DisplayName("unwrap() of a type the binding does not have fails UNSUPPORTED instead of returning null")
        void unwrapOfAnUnknownTypeFailsUnsupported() {
            Producer<String> producer = strings();
            thrown(Reason.UNSUPPORTED, () -> producer.unwrap(NothingOfTheKind.class));
        }

        @Test
        @DisplayName("sendAsync() never throws: a null message fails its future with INVALID_ARGUMENT")
        void sendAsyncNeverThrows() {
            Producer<String> producer = strings();
            CompletableFuture<Receipt> future = assertDoesNotThrow(() -> producer.sendAsync(null));
            assertThat(failure(future).reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        }

        @Test
        @DisplayName("flush() and close() refuse a negative timeout with INVALID_ARGUMENT")
        void negativeTimeoutsAreRefused() {
            Producer<String> producer = strings();
            thrown(Reason.INVALID_ARGUMENT, () -> producer.flush(Duration.ofSeconds(-1)));
            thrown(Reason.INVALID_ARGUMENT, () -> producer.close(Duration.ofSeconds(-1)));
        }
    }

    /** What the broker's own client reads is exactly what the application sent. */
    @Nested
    @DisplayName("Fidelity, as the broker's own client sees it")
    class Fidelity {

        @Test
        @DisplayName("a value holding all 256 byte values arrives byte for byte")
        void everyByteValueArrivesUnchanged() {
            byte[] value = new byte[512];
            for (int i = 0; i < 256; i++) {
                value[i] = (byte) i;
                value[511 - i] = (byte) i;
            }
            Destination d = topic(1);
            bytes().send(Message.to(d).value(value));
            assertThat(probe.atLeast(d, 1).get(0).value()).containsExactly(value);
        }

        @Test
        @DisplayName("an empty value arrives as an empty value")
        void emptyValueArrivesEmpty() {
            Destination d = topic(1);
            bytes().send(Message.to(d).value(new byte[0]));
            assertThat(probe.atLeast(d, 1).get(0).value()).isEmpty();
        }

        @Test
        @DisplayName("a 1 MiB value arrives intact when max-message-size allows it")
        void oneMebibyteValueArrivesIntact() {
            byte[] value = new byte[1 << 20];
            new Random(42).nextBytes(value);
            Destination d = topic(1);
            bytes(MAX_MESSAGE_SIZE, "2MiB", BUFFER_MAX_BYTES, "16MiB").send(Message.to(d).value(value));
            byte[] read = probe.atLeast(d, 1).get(0).value();
            assertThat(read.length).as("length of the value read").isEqualTo(value.length);
            assertThat(Arrays.mismatch(read, value)).as("index of the first byte that differs").isEqualTo(-1);
        }

        @Test
        @DisplayName("a key with characters outside ASCII arrives as the same key")
        void unicodeKeyArrivesUnchanged() {
            String key = "clé-ключ-键-🔑";
            Destination d = topic(1);
            strings().send(Message.to(d).key(key).value("v"));
            assertThat(probe.atLeast(d, 1).get(0).key()).isEqualTo(key);
        }

        @Test
        @DisplayName("a message without a key arrives without a key")
        void messageWithoutKeyArrivesWithoutKey() {
            Destination d = topic(1);
            strings().send(Message.to(d).value("unkeyed"));
            assertThat(probe.atLeast(d, 1).get(0).key()).isNull();
        }

        @Test
        @DisplayName("headers arrive under the same names with the same values, and no others")
        void headersArriveUnchanged() {
            Map<String, String> headers = ordered("source", "web", "trace", "abc-123", "attempt", "3");
            Destination d = topic(1);
            bytes().send(Message.to(d).headers(headers).value(new byte[]{1}));
            assertThat(probe.atLeast(d, 1).get(0).headers()).isEqualTo(headers);
        }

        @Test
        @DisplayName("header values with characters outside ASCII, white space or nothing at all arrive unchanged")
        void unicodeAndEmptyHeaderValuesArriveUnchanged() {
            Map<String, String> headers = ordered("greeting", "grüße, 世界 🌍", "empty", "", "spaced", "  a  b  ",
                    "symbols", "=;,\"'\\/:");
            Destination d = topic(1);
            bytes().send(Message.to(d).headers(headers).value(new byte[]{1}));
            assertThat(probe.atLeast(d, 1).get(0).headers()).isEqualTo(headers);
        }

        @Test
        @DisplayName("header names with dots, hyphens, underscores and capitals arrive under the same names")
        void headerNamesArriveUnchanged() {
            Map<String, String> headers = ordered("x-request-id", "r1", "tenant.id", "t1", "under_score", "u1",
                    "MixedCase", "m1", "a.b-c_d", "abcd");
            Destination d = topic(1);
            bytes().send(Message.to(d).headers(headers).value(new byte[]{1}));
            assertThat(probe.atLeast(d, 1).get(0).headers()).isEqualTo(headers);
        }

        @Test
        @DisplayName("nothing is added to the wire but the serializer's content type")
        void onlyTheContentTypeIsAdded() {
            Destination d = topic(1);
            Producer<String> producer = strings();
            producer.send(Message.to(d).key("k").header("a", "1").value("with-header"));
            producer.send(Message.to(d).key("k").value("without-header"));
            Map<String, ProbedMessage> read = byValue(probe.atLeast(d, 2));
            assertThat(read.get("with-header").headers()).isEqualTo(Map.of("a", "1", Headers.CONTENT_TYPE, TEXT));
            assertThat(read.get("without-header").headers()).isEqualTo(Map.of(Headers.CONTENT_TYPE, TEXT));
        }

        @Test
        @DisplayName("with content-type-header=false nothing at all is added to the wire")
        void nothingIsAddedWithoutContentType() {
            Destination d = topic(1);
            Producer<String> producer = strings(CONTENT_TYPE_HEADER, "false");
            producer.send(Message.to(d).key("k").header("a", "1").value("with-header"));
            producer.send(Message.to(d).key("k").value("without-header"));
            Map<String, ProbedMessage> read = byValue(probe.atLeast(d, 2));
            assertThat(read.get("with-header").headers()).isEqualTo(Map.of("a", "1"));
            assertThat(read.get("without-header").headers()).isEmpty();
        }

        @Test
        @DisplayName("a serializer without a content type adds no header at all")
        void bytesAddNoHeader() {
            Destination d = topic(1);
            bytes().send(Message.to(d).value(new byte[]{7}));
            assertThat(probe.atLeast(d, 1).get(0).headers()).isEmpty();
        }

        @Test
        @DisplayName("a content-type header the application sets is kept as it set it")
        void applicationContentTypeIsKept() {
            Destination d = topic(1);
            strings().send(Message.to(d).header(Headers.CONTENT_TYPE, "application/vnd.tck+text").value("mine"));
            assertThat(probe.atLeast(d, 1).get(0).headers())
                    .isEqualTo(Map.of(Headers.CONTENT_TYPE, "application/vnd.tck+text"));
        }

        @Test
        @DisplayName("the message's own timestamp reaches the broker when the binding claims TIMESTAMPS, and is refused UNSUPPORTED when not")
        void timestampReachesTheBroker() {
            Instant timestamp = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
            Destination d = topic(1);
            if (!claimedOrRefused(Capability.TIMESTAMPS,
                    () -> strings().send(Message.to(d).timestamp(timestamp).value("stamped")))) {
                return;
            }
            strings().send(Message.to(d).timestamp(timestamp).value("stamped"));
            assertThat(probe.atLeast(d, 1).get(0).timestamp()).isEqualTo(timestamp);
        }

        @Test
        @DisplayName("a receipt's partition and offset agree with where the broker's own client finds the message")
        void receiptsAgreeWithTheBroker() {
            Destination d = partitioned();
            Producer<String> producer = strings();
            SentBatch batch = new SentBatch();
            for (int i = 0; i < 12; i++) {
                send(batch, producer, Message.to(d).key("key-" + (i % 6)).value("m-" + i));
            }
            Map<String, Receipt> receipts = batch.awaitAllAcknowledged(PATIENCE).stream()
                    .collect(Collectors.toMap(Outcome::value, Outcome::receipt));
            List<ProbedMessage> read = probe.atLeast(d, 12);
            for (ProbedMessage m : read) {
                Receipt receipt = receipts.get(m.valueAsString());
                assertThat(receipt).as("receipt of %s", m.valueAsString()).isNotNull();
                assertThat(receipt.destination().name()).isEqualTo(d.name());
                assertThat(receipt.partition().orElse(-1)).as("receipt partition of %s", m.valueAsString())
                        .isEqualTo(m.partition());
                receipt.offset().ifPresent(offset -> assertThat(m.position())
                        .as("receipt offset of %s", m.valueAsString()).isEqualTo(offset));
            }
        }
    }

    /** sendAsync never blocks beyond its bound, every future finishes, and the buffer bound holds. */
    @Nested
    @DisplayName("Asynchronous sending and flow control")
    class AsynchronousSending {

        @Test
        @DisplayName("many threads sending at once all get their messages acknowledged, none lost and each thread's key in order")
        void concurrentSendersLoseNothing() throws Exception {
            Destination d = partitioned();
            Producer<String> producer = strings();
            int threads = 8;
            int each = 50;
            SentBatch batch = new SentBatch();
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                senders.add(CompletableFuture.runAsync(() -> {
                    awaitLatch(start);
                    for (int i = 0; i < each; i++) {
                        send(batch, producer, Message.to(d).key("thread-" + thread).value("t" + thread + "-" + i));
                    }
                }, ASIDE));
            }
            start.countDown();
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            batch.awaitAllAcknowledged(PATIENCE);
            List<ProbedMessage> read = probe.atLeast(d, threads * each);
            assertThat(values(read)).containsAll(batch.values());
            Map<String, List<String>> byKey = valuesByKey(read);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                List<String> expected = IntStream.range(0, each).mapToObj(i -> "t" + thread + "-" + i).toList();
                assertThat(byKey.get("thread-" + t)).as("order of key thread-%d", t).containsSubsequence(expected);
            }
        }

        @Test
        @DisplayName("sendAsync() returns without waiting for the broker, and every future it returned completes")
        void sendAsyncReturnsAndAllFuturesComplete() {
            Destination d = topic(1);
            Producer<String> producer = strings();
            SentBatch batch = new SentBatch();
            assertTimeoutPreemptively(PATIENCE, () -> {
                for (int i = 0; i < 1000; i++) {
                    send(batch, producer, Message.to(d).value("m-" + i));
                }
            }, "1000 calls of sendAsync() with room in the buffer did not return");
            batch.awaitAllAcknowledged(PATIENCE);
            assertThat(values(probe.atLeast(d, 1000))).containsAll(batch.values());
        }

        @Test
        @DisplayName("with buffer.when-full=fail, a send that finds the buffer full fails BUFFER_FULL at once")
        void fullBufferFailsAtOnce() {
            Stall stall = new Stall(scope);
            Destination d = topic(1);
            Producer<String> producer = strings(with(stall.settings(), BUFFER_MAX_MESSAGES, "3",
                    BUFFER_WHEN_FULL, "fail", MAX_BLOCK, "10s"));
            warmUp(producer, d);
            stall.begin();
            SentBatch accepted = new SentBatch();
            for (int i = 0; i < 3; i++) {
                send(accepted, producer, Message.to(d).key("k").value("m-" + i));
            }
            requireHeld(accepted, stall);
            long start = System.nanoTime();
            CompletableFuture<Receipt> rejected = producer.sendAsync(Message.to(d).key("k").value("rejected"));
            Duration took = since(start);
            assertThat(rejected).as("the send over the bound").isDone();
            assertThat(failure(rejected).reason()).isEqualTo(Reason.BUFFER_FULL);
            assertThat(took).as("time the rejected sendAsync() took (max-block is 10s, unused with fail)")
                    .isLessThan(Duration.ofSeconds(2));
            stall.end(producer);
            accepted.awaitAllAcknowledged(PATIENCE);
        }

        @Test
        @DisplayName("with buffer.when-full=block, a send that finds the buffer full waits max-block, then fails BUFFER_FULL")
        void fullBufferBlocksForMaxBlock() {
            Stall stall = new Stall(scope);
            Destination d = topic(1);
            Duration maxBlock = Duration.ofMillis(1000);
            Producer<String> producer = strings(with(stall.settings(), BUFFER_MAX_MESSAGES, "2",
                    BUFFER_WHEN_FULL, "block", MAX_BLOCK, maxBlock.toMillis() + "ms"));
            warmUp(producer, d);
            stall.begin();
            SentBatch accepted = new SentBatch();
            for (int i = 0; i < 2; i++) {
                send(accepted, producer, Message.to(d).key("k").value("m-" + i));
            }
            requireHeld(accepted, stall);
            long start = System.nanoTime();
            CompletableFuture<Receipt> rejected = assertTimeoutPreemptively(maxBlock.plus(MARGIN),
                    () -> producer.sendAsync(Message.to(d).key("k").value("rejected")),
                    "sendAsync() waited longer than max-block for room in the buffer");
            Duration took = since(start);
            assertThat(took).as("time the blocked sendAsync() waited").isGreaterThanOrEqualTo(maxBlock.minusMillis(100));
            assertThat(failure(rejected).reason()).isEqualTo(Reason.BUFFER_FULL);
            stall.end(producer);
            accepted.awaitAllAcknowledged(PATIENCE);
        }

        @Test
        @DisplayName("a send waiting for room in the buffer goes on as soon as an acknowledgement frees some")
        void waitingSendProceedsWhenRoomFrees() throws Exception {
            Stall stall = new Stall(scope);
            Destination d = topic(1);
            Producer<String> producer = strings(with(stall.settings(), BUFFER_MAX_MESSAGES, "1",
                    BUFFER_WHEN_FULL, "block", MAX_BLOCK, "30s"));
            warmUp(producer, d);
            stall.begin();
            SentBatch batch = new SentBatch();
            send(batch, producer, Message.to(d).key("k").value("first"));
            requireHeld(batch, stall);
            CompletableFuture<CompletableFuture<Receipt>> waiting = CompletableFuture.supplyAsync(
                    () -> producer.sendAsync(Message.to(d).key("k").value("second")), ASIDE);
            await("the second sendAsync() waits while the buffer is full").during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(3)).until(() -> !waiting.isDone());
            stall.end(producer);
            CompletableFuture<Receipt> second = waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            stall.release(producer);
            batch.add("second", second);
            batch.awaitAllAcknowledged(PATIENCE);
            assertThat(values(probe.through(d, "second"))).containsExactly("warm-up", "first", "second");
        }

        @Test
        @DisplayName("nothing the producer accepted is lost when later sends fail BUFFER_FULL, and nothing rejected is written")
        void bufferFullLosesNothingAccepted() {
            Stall stall = new Stall(scope);
            Destination d = topic(1);
            Producer<String> producer = strings(with(stall.settings(), BUFFER_MAX_MESSAGES, "5",
                    BUFFER_WHEN_FULL, "fail"));
            warmUp(producer, d);
            stall.begin();
            SentBatch accepted = new SentBatch();
            List<String> rejected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String value = "m-" + i;
                CompletableFuture<Receipt> future = producer.sendAsync(Message.to(d).key("k").value(value));
                if (future.isCompletedExceptionally() && failure(future).reason() == Reason.BUFFER_FULL) {
                    rejected.add(value);
                } else {
                    accepted.add(value, future);
                }
            }
            requireHeld(accepted, stall);
            assertThat(rejected).as("sends rejected with BUFFER_FULL").isNotEmpty();
            assertThat(accepted.size()).as("sends accepted").isEqualTo(5);
            stall.end(producer);
            accepted.awaitAllAcknowledged(PATIENCE);
            CompletableFuture<Receipt> after = producer.sendAsync(Message.to(d).key("k").value("after"));
            stall.release(producer);
            assertThat(after).succeedsWithin(PATIENCE);
            List<String> expected = new ArrayList<>(List.of("warm-up"));
            expected.addAll(accepted.values());
            expected.add("after");
            assertThat(values(probe.through(d, "after"))).containsExactlyElementsOf(expected);
        }

        @Test
        @DisplayName("a future's callback may send again on the thread that completed it, without deadlock")
        void callbacksMaySendAgain() {
            Destination d = topic(1);
            Producer<String> producer = strings();
            CompletableFuture<Receipt> chain = producer.sendAsync(Message.to(d).key("k").value("link-0"));
            for (int i = 1; i < 20; i++) {
                String value = "link-" + i;
                chain = chain.thenCompose(receipt -> producer.sendAsync(Message.to(d).key("k").value(value)));
            }
            assertThat(chain).succeedsWithin(PATIENCE);
            List<String> expected = IntStream.range(0, 20).mapToObj(i -> "link-" + i).toList();
            assertThat(values(probe.atLeast(d, 20))).containsExactlyElementsOf(expected);
        }
    }

    /** flush and close keep their bounds and their promises. */
    @Nested
    @DisplayName("Flush and close")
    class FlushAndClose {

        @Test
        @DisplayName("flush() returns complete once every accepted message is acknowledged, without waiting out the linger")
        void flushCompletesWhenEverythingIsAcknowledged() {
            Destination d = topic(1);
            Producer<String> producer = strings(LINGER, LONG_LINGER, DELIVERY_TIMEOUT, OUTLASTING_TIMEOUT);
            SentBatch batch = sendKeyed(producer, d, 20);
            FlushResult result = assertTimeoutPreemptively(FLUSH_TIMEOUT.plus(MARGIN), () -> producer.flush(FLUSH_TIMEOUT),
                    "flush(" + FLUSH_TIMEOUT + ") did not return in bound");
            assertThat(result.unfinished()).as("unfinished messages reported by flush").isZero();
            assertThat(batch.outcomes()).as("outcomes right after a complete flush").allMatch(Outcome::acknowledged);
            assertThat(values(probe.atLeast(d, 20))).containsExactlyElementsOf(batch.values());
        }

        @Test
        @DisplayName("flush() with nothing pending returns complete at once")
        void flushWithNothingPendingIsComplete() {
            Destination d = topic(1);
            Producer<String> producer = strings();
            FlushResult idle = assertTimeoutPreemptively(MARGIN, () -> producer.flush(FLUSH_TIMEOUT));
            assertThat(idle.isComplete()).isTrue();
            producer.send(Message.to(d).value("done"));
            FlushResult afterSend = assertTimeoutPreemptively(MARGIN, () -> producer.flush(FLUSH_TIMEOUT));
            assertThat(afterSend.isComplete()).isTrue();
        }

        @Test
        @DisplayName("flush(timeout) returns within its bound and never reports fewer unfinished messages than are pending")
        void flushReturnsInBound() {
            Destination d = topic(1);
            Producer<String> producer = strings(LINGER, LONG_LINGER, DELIVERY_TIMEOUT, OUTLASTING_TIMEOUT);
            SentBatch batch = sendKeyed(producer, d, 200);
            Duration brief = Duration.ofMillis(500);
            FlushResult result = assertTimeoutPreemptively(brief.plus(MARGIN), () -> producer.flush(brief),
                    "flush(" + brief + ") did not return in bound");
            assertThat(result.unfinished()).as("unfinished reported by flush")
                    .isGreaterThanOrEqualTo(batch.pending());
            flushInBound(producer, FLUSH_TIMEOUT);
            batch.awaitAllAcknowledged(PATIENCE);
        }

        @Test
        @DisplayName("close() delivers every accepted message, including those the binding still holds for batching")
        void closeDeliversEveryAcceptedMessage() {
            Destination d = topic(1);
            Producer<String> producer = strings(LINGER, LONG_LINGER, DELIVERY_TIMEOUT, OUTLASTING_TIMEOUT);
            SentBatch batch = sendKeyed(producer, d, 20);
            CloseResult result = assertTimeoutPreemptively(CLOSE_TIMEOUT_USED.plus(MARGIN),
                    () -> producer.close(CLOSE_TIMEOUT_USED), "close(" + CLOSE_TIMEOUT_USED + ") did not return in bound");
            assertThat(result.abandoned()).as("messages abandoned by close with a healthy broker").isZero();
            assertThat(batch.outcomes()).as("outcomes once close returned").allMatch(Outcome::acknowledged);
            assertThat(values(probe.atLeast(d, 20))).containsExactlyElementsOf(batch.values());
        }

        @Test
        @DisplayName("close() without a timeout delivers too, bounded by close-timeout")
        void closeWithoutTimeoutUsesCloseTimeout() {
            Destination d = topic(1);
            Producer<String> producer = strings(LINGER, LONG_LINGER, DELIVERY_TIMEOUT, OUTLASTING_TIMEOUT,
                    CLOSE_TIMEOUT, "10s");
            SentBatch batch = sendKeyed(producer, d, 5);
            assertTimeoutPreemptively(Duration.ofSeconds(10).plus(MARGIN), () -> producer.close(),
                    "close() with close-timeout=10s did not return in bound");
            assertThat(batch.outcomes()).allMatch(Outcome::acknowledged);
            assertThat(values(probe.atLeast(d, 5))).containsExactlyElementsOf(batch.values());
        }

        @Test
        @DisplayName("close is idempotent: a second close returns the first close's result at once")
        void closeIsIdempotent() {
            Destination d = topic(1);
            Producer<String> producer = strings();
            producer.send(Message.to(d).value("one"));
            CloseResult first = assertTimeoutPreemptively(CLOSE_TIMEOUT_USED.plus(MARGIN), () -> producer.close(CLOSE_TIMEOUT_USED));
            long start = System.nanoTime();
            CloseResult second = assertTimeoutPreemptively(MARGIN, () -> producer.close(CLOSE_TIMEOUT_USED));
            assertTimeoutPreemptively(MARGIN, () -> producer.close());
            assertThat(since(start)).as("time the repeated closes took").isLessThan(Duration.ofSeconds(2));
            assertThat(second).isEqualTo(first);
        }

        @Test
        @DisplayName("sends after close fail CLOSED and never reach the broker")
        void sendsAfterCloseFailClosed() {
            Destination d = topic(1);
            Producer<String> producer = strings();
            producer.send(Message.to(d).key("k").value("before"));
            assertTimeoutPreemptively(CLOSE_TIMEOUT_USED.plus(MARGIN), () -> producer.close(CLOSE_TIMEOUT_USED));
            CompletableFuture<Receipt> async = producer.sendAsync(Message.to(d).key("k").value("after-async"));
            assertThat(failure(async).reason()).isEqualTo(Reason.CLOSED);
            thrown(Reason.CLOSED, () -> producer.send(Message.to(d).key("k").value("after-sync")));
            strings().send(Message.to(d).key("k").value("sentinel"));
            assertThat(values(probe.through(d, "sentinel"))).containsExactly("before", "sentinel");
        }

        @Test
        @DisplayName("no future is pending once close(0) returns: each is acknowledged or reported abandoned")
        void noFuturePendingAfterClose() {
            Destination d = topic(1);
            Producer<String> producer = strings(LINGER, LONG_LINGER, DELIVERY_TIMEOUT, OUTLASTING_TIMEOUT);
            SentBatch batch = sendKeyed(producer, d, 50);
            Set<String> doneBefore = doneSoFar(batch);
            CloseResult result = assertTimeoutPreemptively(MARGIN, () -> producer.close(Duration.ZERO),
                    "close(0) did not return in bound");
            List<Outcome> outcomes = batch.outcomes();
            List<Outcome> failedInClose = outcomes.stream()
                    .filter(o -> !o.acknowledged() && !doneBefore.contains(o.value())).toList();
            assertThat(failedInClose).as("sends failed by close")
                    .allSatisfy(o -> assertThat(o.reason()).isIn(Reason.OUTCOME_UNKNOWN, Reason.CLOSED));
            assertThat(result.abandoned()).as("abandoned count reported by close(0)").isEqualTo(failedInClose.size());
            List<String> acknowledged = outcomes.stream().filter(Outcome::acknowledged).map(Outcome::value).toList();
            if (!acknowledged.isEmpty()) {
                assertThat(values(probe.atLeast(d, acknowledged.size()))).containsAll(acknowledged);
            }
        }

        @Test
        @DisplayName("close(timeout) returns within its bound with thousands of messages in flight")
        void closeReturnsInBound() {
            Destination d = topic(1);
            Producer<String> producer = strings(LINGER, LONG_LINGER, DELIVERY_TIMEOUT, OUTLASTING_TIMEOUT);
            SentBatch batch = new SentBatch();
            for (int i = 0; i < 3000; i++) {
                send(batch, producer, Message.to(d).key("key-" + (i % 10)).value("m-" + i));
            }
            Duration timeout = Duration.ofSeconds(2);
            CloseResult result = assertTimeoutPreemptively(timeout.plus(MARGIN), () -> producer.close(timeout),
                    "close(" + timeout + ") did not return in bound");
            long failed = batch.outcomes().stream().filter(o -> !o.acknowledged()).count();
            assertThat(result.abandoned()).isLessThanOrEqualTo(failed);
        }
    }

    /** Keys keep their partition and their order; the producer's own partitioners do what they say. */
    @Nested
    @DisplayName("Partitioning and ordering")
    class PartitioningAndOrdering {

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

    /** Bad configuration and bad input fail early, clearly, and without harm to what else was sent. */
    @Nested
    @DisplayName("Errors and bad input")
    class ErrorsAndBadInput {

        @Test
        @DisplayName("an unknown switchboard key fails INVALID_ARGUMENT and suggests the key that was meant")
        void unknownKeySuggestsTheClosest() {
            MessagingException e = thrown(Reason.INVALID_ARGUMENT, () -> scope.builder(Serializers.string(),
                    Map.of("switchboard.delivery-timout", "5s")).build());
            assertThat(e.getMessage()).contains("switchboard.delivery-timout").contains("did you mean")
                    .contains(DELIVERY_TIMEOUT);
        }

        @Test
        @DisplayName("a malformed duration fails INVALID_ARGUMENT naming the key and the value")
        void malformedDurationNamesTheKey() {
            MessagingException e = thrown(Reason.INVALID_ARGUMENT, () -> scope.builder(Serializers.string(),
                    Map.of(DELIVERY_TIMEOUT, "soon")).build());
            assertThat(e.getMessage()).contains(DELIVERY_TIMEOUT).contains("soon");
        }

        @Test
        @DisplayName("several bad settings are all named in one error")
        void everyBadSettingIsNamed() {
            MessagingException e = thrown(Reason.INVALID_ARGUMENT, () -> scope.builder(Serializers.string(),
                    Map.of(MAX_BLOCK, "forever", BUFFER_WHEN_FULL, "explode")).build());
            assertThat(e.getMessage()).contains(MAX_BLOCK).contains(BUFFER_WHEN_FULL);
        }

        @Test
        @DisplayName("a key that belongs to no binding and is not neutral fails INVALID_ARGUMENT naming it")
        void strayKeyIsNamed() {
            MessagingException e = thrown(Reason.INVALID_ARGUMENT, () -> scope.builder(Serializers.string(),
                    Map.of("tck-nonsense.setting", "1")).build());
            assertThat(e.getMessage()).contains("tck-nonsense.setting");
        }

        @Test
        @DisplayName("a failing serializer fails the send with SERIALIZATION, and the producer stays usable")
        void failingSerializerFailsOnlyThatSend() {
            Destination d = topic(1);
            Producer<String> producer = scope.open(picky(), Map.of(), null);
            CompletableFuture<Receipt> async = producer.sendAsync(Message.to(d).value("refuse-async"));
            MessagingException e = failure(async);
            assertThat(e.reason()).isEqualTo(Reason.SERIALIZATION);
            assertThat(e.getCause()).as("the serializer's exception as cause").isInstanceOf(IllegalStateException.class);
            thrown(Reason.SERIALIZATION, () -> producer.send(Message.to(d).value("refuse-sync")));
            producer.send(Message.to(d).value("sentinel"));
            assertThat(values(probe.through(d, "sentinel"))).containsExactly("sentinel");
        }

        @Test
        @DisplayName("a serializer that returns null fails the send with SERIALIZATION")
        void nullFromSerializerFails() {
            Destination d = topic(1);
            Serializer<String> broken = value -> value.equals("null-please") ? null : value.getBytes(StandardCharsets.UTF_8);
            Producer<String> producer = scope.open(broken, Map.of(), null);
            assertThat(failure(producer.sendAsync(Message.to(d).value("null-please"))).reason())
                    .isEqualTo(Reason.SERIALIZATION);
            producer.send(Message.to(d).value("sentinel"));
            assertThat(values(probe.through(d, "sentinel"))).containsExactly("sentinel");
        }

        @Test
        @DisplayName("a value over max-message-size fails TOO_LARGE and nothing is sent")
        void oversizedValueFailsTooLarge() {
            Destination d = topic(1);
            Producer<byte[]> producer = bytes(MAX_MESSAGE_SIZE, "1KiB");
            CompletableFuture<Receipt> big = producer.sendAsync(Message.to(d).value(new byte[1025]));
            assertThat(failure(big).reason()).isEqualTo(Reason.TOO_LARGE);
            producer.send(Message.to(d).value(new byte[1024]));
            List<ProbedMessage> read = probe.atLeast(d, 1);
            assertThat(read).hasSize(1);
            assertThat(read.get(0).value()).hasSize(1024);
        }

        @Test
        @DisplayName("an invalid header name fails INVALID_ARGUMENT when the message is built")
        void invalidHeaderNameFails() {
            thrown(Reason.INVALID_ARGUMENT, () -> Message.to("anywhere").header("has space", "v"));
            thrown(Reason.INVALID_ARGUMENT, () -> Message.to("anywhere").header("", "v"));
            thrown(Reason.INVALID_ARGUMENT, () -> Message.to("anywhere").header("tab\tinside", "v"));
            thrown(Reason.INVALID_ARGUMENT, () -> Message.to("anywhere").header("x".repeat(Headers.MAX_NAME_LENGTH + 1), "v"));
            thrown(Reason.INVALID_ARGUMENT, () -> Message.to("anywhere").header("null-value", null));
        }

        @Test
        @DisplayName("bad input between good messages loses nothing accepted and keeps the good messages in order")
        void badInputBetweenGoodMessagesLosesNothing() {
            Destination d = topic(1);
            Producer<String> producer = scope.open(picky(), with(KIT_NONE, MAX_MESSAGE_SIZE, "1KiB"), null);
            SentBatch good = new SentBatch();
            List<CompletableFuture<Receipt>> bad = new ArrayList<>();
            List<Reason> expected = new ArrayList<>();
            send(good, producer, Message.to(d).key("k").value("good-0"));
            bad.add(producer.sendAsync(Message.to(d).key("k").value("refuse-0")));
            expected.add(Reason.SERIALIZATION);
            send(good, producer, Message.to(d).key("k").value("good-1"));
            bad.add(producer.sendAsync(Message.to(d).key("k").value("x".repeat(2000))));
            expected.add(Reason.TOO_LARGE);
            send(good, producer, Message.to(d).key("k").value("good-2"));
            bad.add(producer.sendAsync(null));
            expected.add(Reason.INVALID_ARGUMENT);
            send(good, producer, Message.to(d).key("k").value("good-3"));
            Message<String> unsupported = unclaimedFeature(d);
            if (unsupported != null) {
                bad.add(producer.sendAsync(unsupported));
                expected.add(Reason.UNSUPPORTED);
            }
            send(good, producer, Message.to(d).key("k").value("good-4"));
            good.awaitAllAcknowledged(PATIENCE);
            for (int i = 0; i < bad.size(); i++) {
                assertThat(failure(bad.get(i)).reason()).as("reason of bad send %d", i).isEqualTo(expected.get(i));
            }
            assertThat(values(probe.through(d, "good-4"))).containsExactlyElementsOf(good.values());
        }
    }

    /** Each delivery guarantee is kept or refused at creation. */
    @Nested
    @DisplayName("Delivery guarantees")
    class DeliveryGuarantees {

        @ParameterizedTest(name = "{0}: a claimed guarantee delivers; an unclaimed one fails UNSUPPORTED when the producer is created")
        @EnumSource(DeliveryGuarantee.class)
        @DisplayName("each guarantee delivers when claimed and is refused at creation when not")
        void eachGuaranteeDeliversOrIsRefused(DeliveryGuarantee guarantee) {
            String setting = guarantee.name().toLowerCase(Locale.ROOT).replace('_', '-');
            Capability needed = switch (guarantee) {
                case AT_MOST_ONCE -> Capability.AT_MOST_ONCE;
                case EFFECTIVELY_ONCE -> Capability.EFFECTIVELY_ONCE;
                case AT_LEAST_ONCE -> null;
            };
            if (needed != null && !claims(needed)) {
                MessagingException e = thrown(Reason.UNSUPPORTED,
                        () -> scope.builder(Serializers.string(), Map.of(GUARANTEE, setting)).build());
                assertThat(e.getMessage()).contains(setting);
                return;
            }
            Destination d = topic(1);
            Producer<String> producer = strings(GUARANTEE, setting);
            SentBatch batch = sendKeyed(producer, d, 10);
            batch.awaitAllAcknowledged(PATIENCE);
            assertThat(values(probe.atLeast(d, 10))).containsExactlyElementsOf(batch.values());
        }

        @Test
        @DisplayName("effectively-once writes each of many concurrent messages exactly once, each key in order; without EFFECTIVELY_ONCE it is refused UNSUPPORTED")
        void effectivelyOnceWritesEachMessageOnce() throws Exception {
            if (!claimedOrRefused(Capability.EFFECTIVELY_ONCE, () -> strings(GUARANTEE, "effectively-once"))) {
                return;
            }
            Destination d = partitioned();
            Producer<String> producer = strings(GUARANTEE, "effectively-once");
            SentBatch batch = new SentBatch();
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                senders.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 50; i++) {
                        send(batch, producer, Message.to(d).key("thread-" + thread).value("t" + thread + "-" + i));
                    }
                }, ASIDE));
            }
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            batch.awaitAllAcknowledged(PATIENCE);
            // all 200 may take the probe a while to see; once they are there, any copy would be too
            probe.atLeast(d, 200);
            List<ProbedMessage> read = probe.whatIsThere(d, 201, Duration.ofSeconds(2));
            assertThat(values(read)).as("each message exactly once").containsExactlyInAnyOrderElementsOf(batch.values());
            Map<String, List<String>> byKey = valuesByKey(read);
            for (int t = 0; t < 4; t++) {
                int thread = t;
                assertThat(byKey.get("thread-" + t)).containsExactlyElementsOf(
                        IntStream.range(0, 50).mapToObj(i -> "t" + thread + "-" + i).toList());
            }
        }

        @Test
        @DisplayName("an unknown guarantee fails INVALID_ARGUMENT and lists the three there are")
        void unknownGuaranteeListsTheChoices() {
            MessagingException e = thrown(Reason.INVALID_ARGUMENT, () -> scope.builder(Serializers.string(),
                    Map.of(GUARANTEE, "exactly-once")).build());
            assertThat(e.getMessage()).contains(GUARANTEE).contains("at-most-once").contains("at-least-once")
                    .contains("effectively-once");
        }
    }

    /** A binding claims exactly what it does: claimed capabilities work, unclaimed ones fail before sending. */
    @Nested
    @DisplayName("Capabilities honesty")
    class CapabilitiesHonesty {

        @ParameterizedTest(name = "{0}: claimed, it works as the broker's own client sees it; not claimed, using it fails UNSUPPORTED before anything is sent")
        @EnumSource(Capability.class)
        @DisplayName("each capability works when claimed and fails UNSUPPORTED when not")
        void eachCapabilityIsHonest(Capability capability) {
            if (claims(capability)) {
                works(capability);
            } else {
                isRefused(capability);
            }
        }

        @Test
        @DisplayName("a producer's capabilities() are exactly what the fixture says the binding claims")
        void capabilitiesMatchTheClaim() {
            assertThat(strings().capabilities()).isEqualTo(fixture().capabilities());
        }

        private void works(Capability capability) {
            switch (capability) {
                case PARTITIONS -> partitionsWork();
                case QUEUES -> queuesWork();
                case TIMESTAMPS -> timestampsWork();
                case DELIVERY_DELAY -> deliveryDelayWorks();
                case TIME_TO_LIVE -> timeToLiveWorks();
                case PRIORITY -> priorityWorks();
                case AT_MOST_ONCE -> guaranteeWorks("at-most-once");
                case EFFECTIVELY_ONCE -> guaranteeWorks("effectively-once");
            }
        }

        private void partitionsWork() {
            Destination d = topic(3);
            Producer<String> producer = strings(PARTITIONER, "round-robin");
            SentBatch batch = new SentBatch();
            for (int i = 0; i < 6; i++) {
                send(batch, producer, Message.to(d).value("m-" + i));
            }
            Map<String, Receipt> receipts = batch.awaitAllAcknowledged(PATIENCE).stream()
                    .collect(Collectors.toMap(Outcome::value, Outcome::receipt));
            List<ProbedMessage> read = probe.atLeast(d, 6);
            assertThat(read.stream().collect(Collectors.groupingBy(ProbedMessage::partition, Collectors.counting())))
                    .as("messages per partition").isEqualTo(Map.of(0, 2L, 1, 2L, 2, 2L));
            read.forEach(m -> assertThat(receipts.get(m.valueAsString()).partition()).hasValue(m.partition()));
        }

        private void queuesWork() {
            Destination q = scope.queue();
            Producer<String> producer = strings();
            SentBatch batch = sendKeyed(producer, q, 3);
            batch.awaitAllAcknowledged(PATIENCE).forEach(o -> assertThat(o.receipt().destination().name())
                    .isEqualTo(q.name()));
            assertThat(values(probe.atLeast(q, 3))).containsExactlyElementsOf(batch.values());
        }

        private void timestampsWork() {
            Instant timestamp = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
            Destination d = topic(1);
            strings().send(Message.to(d).timestamp(timestamp).value("stamped"));
            assertThat(probe.atLeast(d, 1).get(0).timestamp()).isEqualTo(timestamp);
        }

        private void deliveryDelayWorks() {
            Duration delay = Duration.ofSeconds(2);
            Destination d = topic(1);
            Producer<String> producer = strings();
            long sent = System.nanoTime();
            producer.send(Message.to(d).deliveryDelay(delay).value("delayed"));
            List<ProbedMessage> early = probe.whatIsThere(d, 1, Duration.ofMillis(300));
            if (since(sent).compareTo(delay) < 0) {
                assertThat(values(early)).as("readable before the delay of " + delay).doesNotContain("delayed");
            }
            assertThat(values(probe.atLeast(d, 1))).containsExactly("delayed");
            assertThat(since(sent)).as("time until the delayed message was readable")
                    .isGreaterThanOrEqualTo(delay.minusMillis(100));
        }

        private void timeToLiveWorks() {
            Duration ttl = Duration.ofMillis(1500);
            Destination d = topic(1);
            Producer<String> producer = strings();
            long sent = System.nanoTime();
            producer.send(Message.to(d).key("k").timeToLive(ttl).value("short-lived"));
            producer.send(Message.to(d).key("k").value("long-lived"));
            List<ProbedMessage> early = probe.whatIsThere(d, 2, ttl.dividedBy(2));
            if (since(sent).compareTo(ttl.minusMillis(200)) < 0) {
                assertThat(values(early)).as("readable before its time to live passed").contains("short-lived");
            }
            await("the expired message is no longer delivered").atMost(ttl.plus(PATIENCE))
                    .pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                            values(probe.whatIsThere(d, 2, Duration.ofMillis(200))))
                            .contains("long-lived").doesNotContain("short-lived"));
        }

        private void priorityWorks() {
            Destination d = topic(1);
            Producer<String> producer = strings();
            producer.send(Message.to(d).priority(7).value("high"));
            producer.send(Message.to(d).priority(2).value("low"));
            Map<String, ProbedMessage> read = byValue(probe.atLeast(d, 2));
            assertThat(read.get("high").priority()).isEqualTo(7);
            assertThat(read.get("low").priority()).isEqualTo(2);
        }

        private void guaranteeWorks(String guarantee) {
            Destination d = topic(1);
            Producer<String> producer = strings(GUARANTEE, guarantee);
            SentBatch batch = sendKeyed(producer, d, 5);
            batch.awaitAllAcknowledged(PATIENCE);
            assertThat(values(probe.atLeast(d, 5))).containsExactlyElementsOf(batch.values());
        }

        private void isRefused(Capability capability) {
            switch (capability) {
                case PARTITIONS -> {
                    thrown(Reason.UNSUPPORTED, () -> scope.builder(Serializers.string(),
                            Map.of(PARTITIONER, "round-robin")).build());
                    thrown(Reason.UNSUPPORTED, () -> scope.builder(Serializers.string(), Map.of())
                            .partitioner((message, count) -> 0).build());
                }
                case AT_MOST_ONCE -> thrown(Reason.UNSUPPORTED, () -> scope.builder(Serializers.string(),
                        Map.of(GUARANTEE, "at-most-once")).build());
                case EFFECTIVELY_ONCE -> thrown(Reason.UNSUPPORTED, () -> scope.builder(Serializers.string(),
                        Map.of(GUARANTEE, "effectively-once")).build());
                default -> {
                    Destination d = topic(1);
                    Producer<String> producer = strings();
                    Message<String> message = featureMessage(capability, d);
                    MessagingException e = failure(producer.sendAsync(message));
                    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
                    assertThat(e.getMessage()).contains(capability.name());
                    thrown(Reason.UNSUPPORTED, () -> producer.send(message));
                    producer.send(Message.to(d).value("sentinel"));
                    assertThat(values(probe.through(d, "sentinel"))).containsExactly("sentinel");
                }
            }
        }
    }

    /** With the broker stopped and started again: no hang, no acknowledged message lost, no false success. */
    @Nested
    @DisplayName("Broker outage")
    class BrokerOutage {

        @BeforeEach
        void requireBrokerControl() {
            assumeTrue(fixture().brokerControl().isPresent(), "the fixture offers no broker control "
                    + "(BindingFixture.brokerControl() is empty), so the broker outage cases cannot run");
        }

        @Test
        @DisplayName("while the broker is down, sendAsync() still returns at once")
        void sendAsyncDoesNotBlockWhileBrokerIsDown() {
            Destination d = topic(1);
            Producer<String> producer = strings(DELIVERY_TIMEOUT, "5s");
            warmUp(producer, d);
            scope.stopBroker();
            SentBatch batch = new SentBatch();
            assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
                for (int i = 0; i < 20; i++) {
                    send(batch, producer, Message.to(d).key("k").value("m-" + i));
                }
            }, "20 calls of sendAsync() blocked the caller while the broker was down (the buffer had room)");
            assertThat(batch.size()).isEqualTo(20);
        }

        @Test
        @DisplayName("while the broker is down, every future still finishes within the delivery timeout, none successfully")
        void futuresFinishWithinDeliveryTimeoutWhileBrokerIsDown() {
            Destination d = topic(1);
            Duration timeout = Duration.ofSeconds(2);
            Producer<String> producer = strings(DELIVERY_TIMEOUT, timeout.toMillis() + "ms");
            warmUp(producer, d);
            scope.stopBroker();
            SentBatch batch = sendKeyed(producer, d, 10);
            List<Outcome> outcomes = batch.awaitAll(timeout.plus(MARGIN));
            assertThat(batch.longestTimeToOutcome()).as("longest time from a send to its outcome")
                    .isLessThanOrEqualTo(timeout.plus(DEADLINE_TOLERANCE));
            assertThat(outcomes).allSatisfy(o -> {
                assertThat(o.acknowledged()).as("%s acknowledged while the broker was down", o.value()).isFalse();
                assertThat(o.reason()).isIn(Reason.TIMEOUT, Reason.UNAVAILABLE, Reason.OUTCOME_UNKNOWN);
            });
        }

        @Test
        @DisplayName("nothing is acknowledged while the broker is down")
        void nothingIsAcknowledgedWhileBrokerIsDown() {
            Destination d = topic(1);
            Producer<String> producer = strings(DELIVERY_TIMEOUT, "10s");
            warmUp(producer, d);
            scope.stopBroker();
            SentBatch batch = sendKeyed(producer, d, 10);
            await("no send is acknowledged while the broker is down").during(Duration.ofMillis(1500))
                    .atMost(Duration.ofSeconds(3)).until(() -> batch.acknowledgedSoFar() == 0);
            scope.startBroker();
            List<String> acknowledged = batch.awaitAll(Duration.ofSeconds(10).plus(MARGIN)).stream()
                    .filter(Outcome::acknowledged).map(Outcome::value).toList();
            sendAfterRestart(producer, Message.to(d).key("k").value("after"));
            assertThat(values(probe.through(d, "after"))).containsAll(acknowledged);
        }

        @Test
        @DisplayName("no acknowledged message is missing after the broker restarts, and each key keeps its order")
        void noAcknowledgedMessageIsLost() {
            Destination d = topic(1);
            Producer<String> producer = strings(DELIVERY_TIMEOUT, "3s");
            SentBatch batch = new SentBatch();
            for (int i = 0; i < 5; i++) {
                send(batch, producer, Message.to(d).key("k").value("before-" + i)).join();
            }
            scope.stopBroker();
            for (int i = 0; i < 10; i++) {
                send(batch, producer, Message.to(d).key("k").value("during-" + i));
            }
            scope.startBroker();
            List<Outcome> outcomes = batch.awaitAll(Duration.ofSeconds(3).plus(MARGIN));
            sendAfterRestart(producer, Message.to(d).key("k").value("after"));
            List<String> read = values(probe.through(d, "after"));
            List<String> acknowledged = outcomes.stream().filter(Outcome::acknowledged).map(Outcome::value).toList();
            assertThat(read).as("acknowledged messages in the broker, in send order").containsSubsequence(acknowledged);
            outcomes.stream().filter(Outcome::knownNotWritten).forEach(o -> assertThat(read)
                    .as("%s failed %s (not written) yet is in the broker", o.value(), o.reason()).doesNotContain(o.value()));
        }

        @Test
        @DisplayName("a send that failed as not written while the broker was down is not in the broker after it restarts")
        void failedSendsAreNotWritten() {
            Destination d = topic(1);
            Duration timeout = Duration.ofMillis(1500);
            Producer<String> producer = strings(DELIVERY_TIMEOUT, timeout.toMillis() + "ms");
            warmUp(producer, d);
            scope.stopBroker();
            SentBatch batch = sendKeyed(producer, d, 5);
            List<Outcome> outcomes = batch.awaitAll(timeout.plus(MARGIN));
            assertThat(outcomes).noneMatch(Outcome::acknowledged);
            scope.startBroker();
            sendAfterRestart(producer, Message.to(d).key("k").value("sentinel"));
            List<String> read = values(probe.through(d, "sentinel"));
            outcomes.stream().filter(Outcome::knownNotWritten).forEach(o -> assertThat(read)
                    .as("%s failed %s (not written) yet is in the broker", o.value(), o.reason()).doesNotContain(o.value()));
        }

        @Test
        @DisplayName("the producer works again once the broker restarts")
        void producerRecoversAfterRestart() {
            Destination d = topic(1);
            Duration timeout = Duration.ofMillis(1500);
            Producer<String> producer = strings(DELIVERY_TIMEOUT, timeout.toMillis() + "ms");
            warmUp(producer, d);
            scope.stopBroker();
            SentBatch lost = sendKeyed(producer, d, 1);
            assertThat(lost.awaitAll(timeout.plus(MARGIN))).noneMatch(Outcome::acknowledged);
            scope.startBroker();
            sendAfterRestart(producer, Message.to(d).key("k").value("after-restart"));
            assertThat(values(probe.through(d, "after-restart"))).contains("warm-up", "after-restart");
        }

        @Test
        @DisplayName("flush(timeout) returns within its bound while the broker is down and counts what is unfinished")
        void flushReturnsInBoundWhileBrokerIsDown() {
            Destination d = topic(1);
            Producer<String> producer = strings(DELIVERY_TIMEOUT, "20s");
            warmUp(producer, d);
            scope.stopBroker();
            SentBatch batch = sendKeyed(producer, d, 5);
            Duration timeout = Duration.ofSeconds(1);
            FlushResult result = assertTimeoutPreemptively(timeout.plus(MARGIN), () -> producer.flush(timeout),
                    "flush(" + timeout + ") did not return in bound while the broker was down");
            assertThat(result.unfinished()).as("unfinished reported by flush").isGreaterThanOrEqualTo(batch.pending());
            assertThat(batch.acknowledgedSoFar()).as("acknowledged while the broker was down").isZero();
        }

        @Test
        @DisplayName("close(timeout) returns within its bound while the broker is down and reports every unfinished message as abandoned")
        void closeReturnsInBoundWhileBrokerIsDown() {
            Destination d = topic(1);
            Producer<String> producer = strings(DELIVERY_TIMEOUT, "20s");
            warmUp(producer, d);
            scope.stopBroker();
            SentBatch batch = sendKeyed(producer, d, 5);
            Set<String> doneBefore = doneSoFar(batch);
            Duration timeout = Duration.ofSeconds(1);
            CloseResult result = assertTimeoutPreemptively(timeout.plus(MARGIN), () -> producer.close(timeout),
                    "close(" + timeout + ") did not return in bound while the broker was down");
            List<Outcome> outcomes = batch.outcomes();
            assertThat(outcomes).noneMatch(Outcome::acknowledged);
            List<Outcome> failedInClose = outcomes.stream().filter(o -> !doneBefore.contains(o.value())).toList();
            assertThat(failedInClose).allSatisfy(o -> assertThat(o.reason()).isIn(Reason.OUTCOME_UNKNOWN, Reason.CLOSED));
            assertThat(result.abandoned()).as("abandoned count reported by close").isEqualTo(failedInClose.size());
        }

        @Test
        @DisplayName("close(timeout) waits for a broker that comes back within the timeout and delivers what it accepted")
        void closeWaitsForABrokerThatComesBack() {
            Destination d = topic(1);
            Producer<String> producer = strings(DELIVERY_TIMEOUT, "40s");
            warmUp(producer, d);
            scope.stopBroker();
            SentBatch batch = sendKeyed(producer, d, 5);
            CompletableFuture<Void> restart = CompletableFuture.runAsync(scope::startBroker,
                    CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS, ASIDE));
            Duration timeout = Duration.ofSeconds(30);
            CloseResult result = assertTimeoutPreemptively(timeout.plus(MARGIN), () -> producer.close(timeout),
                    "close(" + timeout + ") did not return in bound");
            restart.join();
            assertThat(batch.outcomes()).as("outcomes of sends accepted during the outage, once close returned")
                    .allMatch(Outcome::acknowledged);
            assertThat(result.isClean()).as("close abandoned nothing").isTrue();
            assertThat(values(probe.through(d, "m-4"))).containsExactly("warm-up", "m-0", "m-1", "m-2", "m-3", "m-4");
        }

        @Test
        @DisplayName("with retry.max-attempts above 1, messages sent during a short outage are delivered, each key in order")
        void retriesDeliverAcrossAShortOutage() {
            Destination d = topic(1);
            Producer<String> producer = strings(DELIVERY_TIMEOUT, "30s", RETRY_MAX_ATTEMPTS, "30",
                    RETRY_BACKOFF, "50ms", RETRY_MAX_BACKOFF, "500ms");
            warmUp(producer, d);
            scope.stopBroker();
            SentBatch batch = new SentBatch();
            for (int i = 0; i < 10; i++) {
                send(batch, producer, Message.to(d).key("key-" + (i % 2)).value("key-" + (i % 2) + "/" + i));
            }
            await("no send is acknowledged while the broker is down").during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3)).until(() -> batch.acknowledgedSoFar() == 0);
            scope.startBroker();
            batch.awaitAllAcknowledged(Duration.ofSeconds(30).plus(MARGIN));
            Map<String, List<String>> byKey = valuesByKey(probe.atLeast(d, 11));
            for (int k = 0; k < 2; k++) {
                int key = k;
                List<String> expected = IntStream.range(0, 10).filter(i -> i % 2 == key)
                        .mapToObj(i -> "key-" + key + "/" + i).toList();
                assertThat(byKey.get("key-" + k)).as("order of key-%d", k).containsSubsequence(expected);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Settings that add nothing. */
    private static final Map<String, String> KIT_NONE = Map.of();

    private Producer<String> strings(String... settings) {
        return scope.open(Serializers.string(), settings(settings), null);
    }

    private Producer<String> strings(Map<String, String> settings) {
        return scope.open(Serializers.string(), settings, null);
    }

    private Producer<byte[]> bytes(String... settings) {
        return scope.open(Serializers.bytes(), settings(settings), null);
    }

    private Destination topic(int partitions) {
        return scope.destination(partitions);
    }

    /** Four partitions when the binding claims partitions, one otherwise. */
    private Destination partitioned() {
        return topic(claims(Capability.PARTITIONS) ? 4 : 1);
    }

    private boolean claims(Capability capability) {
        return fixture().capabilities().contains(capability);
    }

    /**
     * Whether the binding claims {@code capability}. When it does not, the case checks the other side of the
     * contract instead of being skipped: using the feature fails UNSUPPORTED before anything is sent.
     */
    private boolean claimedOrRefused(Capability capability, ThrowingCallable use) {
        if (claims(capability)) {
            return true;
        }
        assertThat(catchThrowable(use)).as("using %s, which the binding does not claim", capability)
                .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED));
        return false;
    }

    /** A serializer that fails on values starting with "refuse". */
    private static Serializer<String> picky() {
        return value -> {
            if (value.startsWith("refuse")) {
                throw new IllegalStateException("the kit's serializer refuses '" + value + "'");
            }
            return value.getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A message using the first optional message feature the binding does not claim, or null if it claims all. */
    private Message<String> unclaimedFeature(Destination d) {
        for (Capability c : List.of(Capability.PRIORITY, Capability.DELIVERY_DELAY, Capability.TIME_TO_LIVE,
                Capability.TIMESTAMPS, Capability.QUEUES)) {
            if (!claims(c)) {
                return featureMessage(c, d);
            }
        }
        return null;
    }

    /** A message to {@code d} that uses {@code capability}'s message feature. */
    private static Message<String> featureMessage(Capability capability, Destination d) {
        return switch (capability) {
            case TIMESTAMPS -> Message.to(d).key("k").timestamp(Instant.now()).value("refused-timestamp");
            case DELIVERY_DELAY -> Message.to(d).key("k").deliveryDelay(Duration.ofMillis(10)).value("refused-delay");
            case TIME_TO_LIVE -> Message.to(d).key("k").timeToLive(Duration.ofMinutes(1)).value("refused-ttl");
            case PRIORITY -> Message.to(d).key("k").priority(5).value("refused-priority");
            case QUEUES -> Message.to(Destination.queue(d.name())).key("k").value("refused-queue");
            default -> throw new IllegalArgumentException(capability + " is not a message feature");
        };
    }

    private static CompletableFuture<Receipt> send(SentBatch batch, Producer<String> producer, Message<String> message) {
        return batch.add(message.value(), producer.sendAsync(message));
    }

    /** Sends {@code count} messages of one key, asynchronously. */
    private static SentBatch sendKeyed(Producer<String> producer, Destination d, int count) {
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
     * tried again within the patience. The cases only need the message to be there eventually, behind the others.
     */
    private static void sendAfterRestart(Producer<String> producer, Message<String> message) {
        await("a send after the restart is acknowledged (" + message.value() + ")").atMost(PATIENCE)
                .ignoreExceptions().until(() -> producer.send(message) != null);
    }

    private static void warmUp(Producer<String> producer, Destination d) {
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
    private static void requireHeld(SentBatch batch, Stall stall) {
        if (stall.byBroker()) {
            assertThat(batch.acknowledgedSoFar()).as("sends acknowledged while " + stall.how()).isZero();
        }
        assumeTrue(batch.pending() == batch.size(), "the binding finished sends at once while " + stall.how()
                + " instead of holding them, so the kit cannot fill its buffer");
    }

    private static Set<String> doneSoFar(SentBatch batch) {
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

    private static Map<String, Set<Integer>> partitionsByKey(List<ProbedMessage> read) {
        Map<String, Set<Integer>> out = new LinkedHashMap<>();
        read.forEach(m -> out.computeIfAbsent(String.valueOf(m.key()), k -> new HashSet<>()).add(m.partition()));
        return out;
    }

    /** The failure of a future that must already have failed. */
    private static MessagingException failure(CompletableFuture<?> future) {
        return failure(future, Duration.ZERO);
    }

    /** The failure of a future that must fail within {@code wait}. */
    private static MessagingException failure(CompletableFuture<?> future, Duration wait) {
        if (!wait.isZero()) {
            await("the send to fail").atMost(wait).until(future::isDone);
        }
        assertThat(future).as("a send that must fail at once").isDone();
        Throwable error = future.handle((r, e) -> e).join();
        assertThat(error).as("a send that must fail succeeded").isNotNull();
        return SentBatch.asMessagingException(error);
    }

    /** Runs {@code call}, which must throw a MessagingException with {@code reason}, and returns it. */
    private static MessagingException thrown(Reason reason, ThrowingCallable call) {
        Throwable e = catchThrowable(call);
        assertThat(e).as("expected a MessagingException with reason " + reason).isInstanceOf(MessagingException.class);
        MessagingException me = (MessagingException) e;
        assertThat(me.reason()).as("reason of: " + me.getMessage()).isEqualTo(reason);
        return me;
    }

    private static Map<String, String> settings(String... keysAndValues) {
        return with(KIT_NONE, keysAndValues);
    }

    private static Map<String, String> with(Map<String, String> base, String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("settings come in key, value pairs");
        }
        Map<String, String> out = new LinkedHashMap<>(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        return with(KIT_NONE, keysAndValues);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static void awaitLatch(CountDownLatch latch) {
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
    private static final class NothingOfTheKind {
        private NothingOfTheKind() {
        }
    }
}
