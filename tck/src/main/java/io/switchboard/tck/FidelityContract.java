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
import io.switchboard.Headers;
import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.Receipt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static io.switchboard.ProducerSettings.BUFFER_MAX_BYTES;
import static io.switchboard.ProducerSettings.CONTENT_TYPE_HEADER;
import static io.switchboard.ProducerSettings.MAX_MESSAGE_SIZE;
import static io.switchboard.tck.ProbeReads.byValue;
import static io.switchboard.tck.ProbeReads.values;
import static org.assertj.core.api.Assertions.assertThat;

/** What the broker's own client reads is exactly what the application sent. */
abstract class FidelityContract extends ContractPart {

    FidelityContract(BindingCompatibilityKit kit) {
        super(kit);
    }

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
