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
import io.switchboard.Receipt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static io.switchboard.ProducerSettings.CLOSE_TIMEOUT;
import static io.switchboard.ProducerSettings.DELIVERY_TIMEOUT;
import static io.switchboard.ProducerSettings.LINGER;
import static io.switchboard.tck.ProbeReads.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** flush and close keep their bounds and their promises. */
abstract class FlushAndCloseContract extends ContractPart {

    FlushAndCloseContract(BindingCompatibilityKit kit) {
        super(kit);
    }

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
