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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A neutral setting and the Kafka key it becomes, both given, generated: they agree and the producer is built with
 * them, or it is refused INVALID_ARGUMENT naming both keys. Never a silent winner, never another exception. No
 * broker is needed: Kafka's producer does not connect when it is created.
 */
class ContradictionPropertiesTest {

    /** A neutral key, a value for it, the Kafka key, and a value for that. */
    record Pair(String neutralKey, String neutralValue, String kafkaKey, String kafkaValue) {
    }

    @Property(tries = 120, seed = "20261202")
    @Label("A neutral key and its Kafka key either agree or are refused, naming both")
    void agreeOrRefuseNamingBoth(@ForAll("pairs") Pair pair) {
        Map<String, String> settings = new LinkedHashMap<>(Producers.BASE);
        settings.put("kafka.bootstrap.servers", "127.0.0.1:1");
        settings.put(ProducerSettings.CLOSE_TIMEOUT, "0s");
        settings.put(pair.neutralKey(), pair.neutralValue());
        settings.put("kafka." + pair.kafkaKey(), pair.kafkaValue());
        Throwable error = catchThrowable(() -> {
            try (Producer<String> producer = Switchboard.builder(Serializers.string()).properties(settings).build()) {
                assertThat(producer.binding()).isEqualTo("kafka");
            }
        });
        if (error != null) {
            assertThat(error).as(pair.toString()).isInstanceOf(MessagingException.class);
            assertThat(((MessagingException) error).reason()).as(error.getMessage()).isEqualTo(Reason.INVALID_ARGUMENT);
            assertThat(error.getMessage()).as(pair.toString()).contains("kafka." + pair.kafkaKey());
            if (error.getMessage().contains("contradicts")) {
                assertThat(error.getMessage()).contains(pair.neutralKey());
            }
        }
    }

    @Provide
    Arbitrary<Pair> pairs() {
        return Arbitraries.oneOf(
                pair(ProducerSettings.COMPRESSION, Arbitraries.of("none", "gzip", "lz4", "zstd", "snappy"),
                        "compression.type", Arbitraries.of("none", "gzip", "lz4", "zstd", "snappy", "GZIP", "brotli", "")),
                pair(ProducerSettings.LINGER, Arbitraries.of("0ms", "5ms", "10ms", "1s"),
                        "linger.ms", Arbitraries.of("0", "5", "10", "1000", "-1", "ten")),
                pair(ProducerSettings.CLIENT_ID, Arbitraries.of("orders", "billing-7"),
                        "client.id", Arbitraries.of("orders", "billing-7", "other", " orders ")),
                pair(ProducerSettings.GUARANTEE, Arbitraries.of("at-most-once", "at-least-once", "effectively-once"),
                        "acks", Arbitraries.of("0", "1", "all", "-1", "everyone")),
                pair(ProducerSettings.GUARANTEE, Arbitraries.of("at-most-once", "at-least-once", "effectively-once"),
                        "enable.idempotence", Arbitraries.of("true", "false", "yes")),
                pair(ProducerSettings.DELIVERY_TIMEOUT, Arbitraries.of("2s", "10s", "30s"),
                        "delivery.timeout.ms", Arbitraries.of("1000", "9000", "30000", "120000", "0", "x")),
                pair(ProducerSettings.BATCH_MAX_BYTES, Arbitraries.of("16384", "65536"),
                        "batch.size", Arbitraries.of("16384", "65536", "1", "-5")));
    }

    private static Arbitrary<Pair> pair(String neutralKey, Arbitrary<String> neutral, String kafkaKey,
            Arbitrary<String> kafka) {
        return Combinators.combine(neutral, kafka).as((n, k) -> new Pair(neutralKey, n, kafkaKey, k));
    }
}
