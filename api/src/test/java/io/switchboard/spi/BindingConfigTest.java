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
package io.switchboard.spi;

import io.switchboard.ProducerSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BindingConfigTest {
    private static final String SECRET = "s3cret-Value-91";

    @Test
    void secretKeysAreMasked() {
        BindingConfig config = new BindingConfig(ProducerSettings.defaults(), "kafka", Map.of(
                "sasl.jaas.config", "PlainLoginModule required username=\"u\" password=\"" + SECRET + "\";",
                "ssl.keystore.password", SECRET, "auth.params", SECRET, "acks", "all"), Map.of());
        assertThat(config.toString()).doesNotContain(SECRET).contains("acks=all");
    }

    @Test
    void pulsarsAuthParamsInAnySpellingAreMasked() {
        String token = "token:eyJhbGciOiJIUzI1NiJ9.e30.c2VjcmV0";
        BindingConfig config = new BindingConfig(ProducerSettings.defaults(), "pulsar",
                Map.of("client.authParams", token, "auth.params", token, "serviceUrl", "pulsar://localhost:6650"), Map.of());
        assertThat(BindingConfig.isSecret("client.authParams")).isTrue();
        assertThat(config.toString()).doesNotContain("eyJhbGciOiJIUzI1NiJ9").contains("pulsar://localhost:6650");
    }

    @Test
    void passwordsWrittenInsideUrlsAreMasked() {
        BindingConfig config = new BindingConfig(ProducerSettings.defaults(), "jms", Map.of(
                "jndi.java.naming.provider.url", "tcp://h:61616?jms.password=" + SECRET + "&x=1",
                "jndi.connectionFactory.cf", "tcp://h:61616?user=app&password=" + SECRET,
                "jndi.connectionFactory.other", "amqp://app:" + SECRET + "@h:5672"), Map.of());
        assertThat(config.toString()).doesNotContain(SECRET)
                .contains("tcp://h:61616?jms.password=****&x=1", "amqp://app:****@h:5672", "user=app&password=****");
    }

    @Test
    void ordinaryUrlsAreShownAsTheyAre() {
        assertThat(BindingConfig.shown("bootstrap.servers", "h1:9092,h2:9092")).isEqualTo("h1:9092,h2:9092");
        assertThat(BindingConfig.shown("serviceUrl", "pulsar://localhost:6650")).isEqualTo("pulsar://localhost:6650");
    }
}
