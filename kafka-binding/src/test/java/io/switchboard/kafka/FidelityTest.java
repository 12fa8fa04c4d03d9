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
package io.switchboard.kafka;

import io.switchboard.Compression;
import io.switchboard.Headers;
import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Receipt;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches the broker, read back with Kafka's own consumer. */
class FidelityTest {
    private static final Duration READ = Duration.ofSeconds(15);

    @Test
    @DisplayName("key, value, headers and timestamp arrive as UTF-8 bytes under the same names, plus the content type only")
    void writesEveryFieldAsTheNativeConsumerReadsIt() {
        String topic = Topics.create("fidelity", 1);
        Instant timestamp = Instant.parse("2024-05-06T07:08:09.123Z");
        try (Producer<String> producer = Producers.open()) {
            producer.send(Message.to(topic).key("customer-42 ü").header("source", "web").header("trace-id", "ä-€-1")
                    .header("empty", "").timestamp(timestamp).value("hello, wörld"));
        }
        ConsumerRecord<byte[], byte[]> record = NativeReader.ofTestBroker().read(topic, 1, READ).get(0);
        assertThat(record.key()).isEqualTo("customer-42 ü".getBytes(StandardCharsets.UTF_8));
        assertThat(record.value()).isEqualTo("hello, wörld".getBytes(StandardCharsets.UTF_8));
        assertThat(headers(record)).containsExactly(
                Map.entry("source", "web"), Map.entry("trace-id", "ä-€-1"), Map.entry("empty", ""),
                Map.entry(Headers.CONTENT_TYPE, "text/plain; charset=utf-8"));
        assertThat(record.timestamp()).isEqualTo(timestamp.toEpochMilli());
        assertThat(record.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
    }

    @Test
    @DisplayName("with the content type turned off, nothing is added to the user's headers; no key stays no key")
    void addsNothingWhenContentTypeIsOff() {
        String topic = Topics.create("no-content-type", 1);
        try (Producer<String> producer = Producers.open(ProducerSettings.CONTENT_TYPE_HEADER, "false")) {
            producer.send(Message.to(topic).header("only", "this").value("v"));
            producer.send(Message.of(topic, ""));
        }
        List<ConsumerRecord<byte[], byte[]>> records = NativeReader.ofTestBroker().read(topic, 2, READ);
        assertThat(headers(records.get(0))).containsExactly(Map.entry("only", "this"));
        assertThat(records.get(0).key()).isNull();
        assertThat(records.get(1).headers().toArray()).isEmpty();
        assertThat(records.get(1).value()).isEmpty();
    }

    @Test
    @DisplayName("the receipt carries Kafka's RecordMetadata, and its id is partition-offset")
    void receiptCarriesRecordMetadata() {
        String topic = Topics.create("receipt", 3);
        Instant timestamp = Instant.parse("2023-01-02T03:04:05Z");
        try (Producer<String> producer = Producers.open()) {
            producer.send(Message.to(topic).key("a").value("first"));
            Receipt receipt = producer.send(Message.to(topic).key("a").timestamp(timestamp).value("second"));
            RecordMetadata metadata = receipt.unwrap(RecordMetadata.class);
            assertThat(receipt.partition()).hasValue(metadata.partition());
            assertThat(receipt.offset()).hasValue(1);
            assertThat(metadata.offset()).isEqualTo(1);
            assertThat(receipt.messageId()).hasValue(metadata.partition() + "-1");
            assertThat(receipt.timestamp()).hasValue(timestamp);
            assertThat(receipt.destination().name()).isEqualTo(topic);
        }
    }

    @Test
    @DisplayName("every compression codec reaches Kafka and round-trips")
    void everyCompressionCodecRoundTrips() throws Exception {
        for (Compression compression : Compression.values()) {
            String codec = compression.name().toLowerCase(Locale.ROOT);
            String topic = Topics.create("compression-" + codec, 1);
            try (Producer<String> producer = Producers.open(ProducerSettings.COMPRESSION, codec)) {
                assertThat(Producers.effectiveConfig(producer).getString("compression.type")).isEqualTo(codec);
                for (int i = 0; i < 20; i++) {
                    producer.sendAsync(Message.of(topic, codec + " message " + i + " " + "x".repeat(200)));
                }
                assertThat(producer.flush(Duration.ofSeconds(10)).unfinished()).isZero();
            }
            List<ConsumerRecord<byte[], byte[]>> read = NativeReader.ofTestBroker().read(topic, 20, READ);
            assertThat(read).hasSize(20);
            assertThat(new String(read.get(19).value(), StandardCharsets.UTF_8)).startsWith(codec + " message 19 ");
        }
    }

    static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            out.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return out;
    }
}
