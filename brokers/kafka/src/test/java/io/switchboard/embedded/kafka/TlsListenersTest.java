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
package io.switchboard.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.TestSecrets;
import io.switchboard.testing.tls.TestTls;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSL and SASL_SSL listeners, proven with Kafka's own producer verifying the broker's name. */
class TlsListenersTest {

    private static final String PASSWORD = TestSecrets.generate("alice");

    @TempDir
    static Path certificates;
    private static TestTls tls;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBrokerWithTls() {
        tls = TestTls.generate(certificates);
        kafka = EmbeddedKafka.builder().saslPlain(Map.of("alice", PASSWORD))
                .tls(tls.server().keyStore(), tls.server().password()).build().start();
    }

    @AfterAll
    static void closeBroker() {
        kafka.close();
    }

    @Test
    @DisplayName("a producer over SSL that trusts the test CA writes, with hostname verification on")
    void sslListener() throws Exception {
        Map<String, Object> settings = trusting(kafka.tlsBootstrapServers());
        settings.put("security.protocol", "SSL");
        try (KafkaProducer<String, String> producer = TestClients.producer(settings)) {
            assertThat(producer.send(new ProducerRecord<>("over-tls", "hi")).get(30, TimeUnit.SECONDS).offset()).isZero();
        }
    }

    @Test
    @DisplayName("a producer over SASL_SSL logs in and writes")
    void saslSslListener() throws Exception {
        Map<String, Object> settings = trusting(kafka.saslTlsBootstrapServers());
        settings.put("security.protocol", "SASL_SSL");
        settings.put("sasl.mechanism", "PLAIN");
        settings.put("sasl.jaas.config", SaslPlain.clientJaasConfig("alice", PASSWORD));
        try (KafkaProducer<String, String> producer = TestClients.producer(settings)) {
            assertThat(producer.send(new ProducerRecord<>("over-sasl-tls", "hi")).get(30, TimeUnit.SECONDS).offset())
                    .isZero();
        }
    }

    private static Map<String, Object> trusting(String bootstrapServers) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("ssl.truststore.type", "PKCS12");
        settings.put("ssl.truststore.location", tls.trust().trustStore().toString());
        settings.put("ssl.truststore.password", tls.trust().password());
        settings.put("ssl.endpoint.identification.algorithm", "https");
        return settings;
    }
}
