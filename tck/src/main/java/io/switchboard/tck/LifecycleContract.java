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
import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static io.switchboard.ProducerSettings.BINDING;
import static io.switchboard.tck.ProbeReads.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Creating, using and closing producers. */
abstract class LifecycleContract extends ContractPart {

    LifecycleContract(BindingCompatibilityKit kit) {
        super(kit);
    }

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
