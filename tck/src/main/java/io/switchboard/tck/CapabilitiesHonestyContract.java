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
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.Serializers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.switchboard.ProducerSettings.GUARANTEE;
import static io.switchboard.ProducerSettings.PARTITIONER;
import static io.switchboard.tck.ProbeReads.byValue;
import static io.switchboard.tck.ProbeReads.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A binding claims exactly what it does: claimed capabilities work, unclaimed ones fail before sending. */
abstract class CapabilitiesHonestyContract extends ContractPart {

    CapabilitiesHonestyContract(BindingCompatibilityKit kit) {
        super(kit);
    }

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
