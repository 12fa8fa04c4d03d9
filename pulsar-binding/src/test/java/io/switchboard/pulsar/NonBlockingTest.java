package io.switchboard.pulsar;

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
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sendAsync returns at once whatever Pulsar is doing: opening a destination's producer, looking up partitions, or
 * failing to reach the broker. The proxy holds the broker's answers or refuses connections, so the broker itself
 * keeps running.
 */
class NonBlockingTest extends BrokerTest {
    private static final Duration QUICK = Duration.ofMillis(200);

    @Test
    void sendAsyncReturnsAtOnceWhileTheDestinationsProducerIsOpening() {
        String topic = topic("opening");
        try (FaultyProxy proxy = new FaultyProxy()) {
            proxy.mode(FaultyProxy.Mode.SWALLOW_REPLIES);
            Producer<String> producer = producers.open(ProducerSettings.DELIVERY_TIMEOUT, "1500ms",
                    "pulsar.client.socks5ProxyAddress", proxy.address());
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
        try (FaultyProxy proxy = new FaultyProxy()) {
            proxy.mode(FaultyProxy.Mode.REFUSE);
            Producer<String> producer = producers.open(ProducerSettings.DELIVERY_TIMEOUT, "1500ms",
                    "pulsar.client.socks5ProxyAddress", proxy.address());
            List<CompletableFuture<Receipt>> sent = sendTimed(producer, topic, false);
            for (CompletableFuture<Receipt> future : sent) {
                assertThat(reasonOf(future)).isIn(Reason.TIMEOUT, Reason.UNAVAILABLE);
            }
        }
    }

    @Test
    void sendAsyncReturnsAtOnceWhileRoundRobinWaitsForThePartitionCount() {
        String topic = partitioned("partition-count", 3);
        try (FaultyProxy proxy = new FaultyProxy()) {
            proxy.mode(FaultyProxy.Mode.SWALLOW_REPLIES);
            Producer<String> producer = producers.open(ProducerSettings.DELIVERY_TIMEOUT, "1500ms",
                    ProducerSettings.PARTITIONER, "round-robin", "pulsar.client.socks5ProxyAddress", proxy.address());
            List<CompletableFuture<Receipt>> sent = sendTimed(producer, topic, true);
            for (CompletableFuture<Receipt> future : sent) {
                assertThat(reasonOf(future)).as("not written: the partition count never came")
                        .isIn(Reason.TIMEOUT, Reason.UNAVAILABLE);
            }
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

    /** Sends 100 messages, each sendAsync timed; returns the futures. */
    private static List<CompletableFuture<Receipt>> sendTimed(Producer<String> producer, String topic, boolean unkeyed) {
        List<CompletableFuture<Receipt>> sent = new ArrayList<>();
        long slowest = 0;
        long first = 0;
        for (int i = 0; i < 100; i++) {
            Message<String> message = unkeyed ? Message.to(topic).value("m-" + i)
                    : Message.to(topic).key("k").value("m-" + i);
            long start = System.nanoTime();
            sent.add(producer.sendAsync(message));
            slowest = Math.max(slowest, System.nanoTime() - start);
            if (i == 0) {
                first = System.nanoTime() - start;
            }
        }
        System.err.println("DEBUG first " + first / 1000 + "us slowest " + slowest / 1000 + "us");
        assertThat(Duration.ofNanos(slowest)).as("the slowest of 100 sendAsync calls").isLessThan(QUICK);
        return sent;
    }

    private static Reason reasonOf(CompletableFuture<Receipt> future) {
        Throwable error = bounded(future.handle((r, e) -> e));
        assertThat(error).isInstanceOf(MessagingException.class);
        return ((MessagingException) error).reason();
    }
}
