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

import io.switchboard.CloseResult;
import io.switchboard.Destination;
import io.switchboard.FlushResult;
import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.switchboard.ProducerSettings.DELIVERY_TIMEOUT;
import static io.switchboard.ProducerSettings.RETRY_BACKOFF;
import static io.switchboard.ProducerSettings.RETRY_MAX_ATTEMPTS;
import static io.switchboard.ProducerSettings.RETRY_MAX_BACKOFF;
import static io.switchboard.tck.ProbeReads.values;
import static io.switchboard.tck.ProbeReads.valuesByKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** With the broker stopped and started again: no hang, no acknowledged message lost, no false success. */
abstract class BrokerOutageContract extends ContractPart {

    BrokerOutageContract(BindingCompatibilityKit kit) {
        super(kit);
    }

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
