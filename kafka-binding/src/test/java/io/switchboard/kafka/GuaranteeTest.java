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

import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Receipt;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each guarantee as the native producer really runs it (its effective configuration, read from the
 * {@code KafkaProducer}), and as the broker sees it (idempotent producer ids, acknowledgements).
 */
class GuaranteeTest {

    @Test
    @DisplayName("at-most-once is acks=0 without retries or idempotence: the receipt has no offset, the broker no producer id")
    void atMostOnceIsAcksZeroWithoutRetries() throws Exception {
        String topic = Topics.create("at-most-once", 1);
        try (Producer<String> producer = Producers.open(ProducerSettings.GUARANTEE, "at-most-once")) {
            ProducerConfig config = Producers.effectiveConfig(producer);
            assertThat(config.getString(ProducerConfig.ACKS_CONFIG)).isEqualTo("0");
            assertThat(config.getInt(ProducerConfig.RETRIES_CONFIG)).isZero();
            assertThat(config.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isFalse();
            Receipt receipt = producer.send(Message.of(topic, "fire and forget"));
            // with acks=0 Kafka never hears back, so it cannot know the offset
            assertThat(receipt.offset()).isEmpty();
            assertThat(receipt.messageId()).isEmpty();
        }
        assertThat(NativeReader.ofTestBroker().read(topic, 1, Duration.ofSeconds(10))).hasSize(1);
        assertThat(Topics.activeProducers(topic, 0)).isEmpty();
    }

    @Test
    @DisplayName("effectively-once is the idempotent producer: the broker tracks its producer id")
    void effectivelyOnceIsTheIdempotentProducer() throws Exception {
        String topic = Topics.create("effectively-once", 1);
        try (Producer<String> producer = Producers.open(ProducerSettings.GUARANTEE, "effectively-once")) {
            ProducerConfig config = Producers.effectiveConfig(producer);
            assertThat(config.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
            assertThat(config.getString(ProducerConfig.ACKS_CONFIG)).isEqualTo("-1");
            assertThat(config.getInt(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)).isBetween(1, 5);
            producer.send(Message.of(topic, "exactly one copy"));
        }
        List<ProducerState> writers = Topics.activeProducers(topic, 0);
        assertThat(writers).hasSize(1);
        assertThat(writers.get(0).producerId()).isNotNegative();
    }

    @Test
    @DisplayName("at-least-once is acks=all and keeps Kafka's idempotent default, which the broker confirms is in effect")
    void atLeastOnceIsAcksAllAndIdempotent() throws Exception {
        String topic = Topics.create("at-least-once", 1);
        try (Producer<String> producer = Producers.open()) {
            ProducerConfig config = Producers.effectiveConfig(producer);
            assertThat(config.getString(ProducerConfig.ACKS_CONFIG)).isEqualTo("-1");
            assertThat(config.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
            producer.send(Message.of(topic, "m"));
        }
        // a producer id on the broker means the client ran idempotent, which Kafka only allows with acks=all.
        // (A single broker cannot show acks=all by behaviour: Kafka 4 caps min.insync.replicas at the replication
        // factor, so acks=1 and acks=all answer alike there.)
        assertThat(Topics.activeProducers(topic, 0)).hasSize(1);
    }
}
