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

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskTest {
    private final SecretMask scrubber = SecretMask.of(Map.of(
            "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"app\" password=\"s3cr3t-Pw\";",
            "ssl.truststore.password", "trust-me",
            "bootstrap.servers", "h:9092"));

    @Test
    @DisplayName("masks secret values and each word of them, but not ordinary settings or JAAS keywords")
    void masksSecrets() {
        assertThat(scrubber.scrub("bad flag 's3cr3t-Pw' near password for key 'password'; trust-me; at h:9092"))
                .isEqualTo("bad flag '****' near password for key 'password'; ****; at h:9092");
    }

    @Test
    @DisplayName("replaces an exception chain that holds a secret, and leaves a clean one alone")
    void scrubsExceptionChains() {
        IllegalStateException leaky = new IllegalStateException("Failed to construct", new IllegalArgumentException("flag 's3cr3t-Pw'"));
        Throwable scrubbed = scrubber.scrub(leaky);
        assertThat(scrubbed).isNotSameAs(leaky);
        assertThat(scrubbed.getCause().getMessage()).contains("IllegalArgumentException", "****").doesNotContain("s3cr3t-Pw");
        IllegalStateException clean = new IllegalStateException("Failed to construct", new IllegalArgumentException("no secret"));
        assertThat(scrubber.scrub(clean)).isSameAs(clean);
    }

    @Test
    @DisplayName("masks passwords written into URLs, as JMS users write them")
    void masksPasswordsInUrls() {
        SecretMask urls = SecretMask.of(Map.of("jndi.connectionFactory.cf", "tcp://h:61616?user=app&password=pw-123",
                "jndi.other", "amqp://app:pw-456@h:5672", "password", "pw-789"));
        assertThat(urls.scrub("failed: tcp://h:61616?user=app&password=pw-123, amqp://app:pw-456@h:5672 with pw-789"))
                .isEqualTo("failed: tcp://h:61616?user=app&password=****, amqp://app:****@h:5672 with ****");
        assertThat(urls.describe(new IllegalStateException("bad pw-789"))).isEqualTo("java.lang.IllegalStateException: bad ****");
    }
}
