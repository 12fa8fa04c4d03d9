package io.switchboard.kafka;

import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretScrubberTest {
    private final SecretScrubber scrubber = SecretScrubber.of(Map.of(
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
        KafkaException leaky = new KafkaException("Failed to construct", new IllegalArgumentException("flag 's3cr3t-Pw'"));
        Throwable scrubbed = scrubber.scrub(leaky);
        assertThat(scrubbed).isNotSameAs(leaky);
        assertThat(scrubbed.getCause().getMessage()).contains("IllegalArgumentException", "****").doesNotContain("s3cr3t-Pw");
        KafkaException clean = new KafkaException("Failed to construct", new IllegalArgumentException("no secret"));
        assertThat(scrubber.scrub(clean)).isSameAs(clean);
    }
}
