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

import io.switchboard.Destination;
import io.switchboard.Headers;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.Serializer;
import io.switchboard.Serializers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.switchboard.ProducerSettings.BUFFER_WHEN_FULL;
import static io.switchboard.ProducerSettings.DELIVERY_TIMEOUT;
import static io.switchboard.ProducerSettings.MAX_BLOCK;
import static io.switchboard.ProducerSettings.MAX_MESSAGE_SIZE;
import static io.switchboard.tck.ProbeReads.values;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad configuration and bad input fail early, clearly, and without harm to what else was sent. */
abstract class ErrorsAndBadInputContract extends ContractPart {

    ErrorsAndBadInputContract(BindingCompatibilityKit kit) {
        super(kit);
    }

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
