package io.switchboard.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SharedBrokerAcrossClassesTest {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Test
    void getsTheSameBrokerAsEveryOtherClassInTheRun(EmbeddedKafka kafka) {
        assertThat(FirstInjectedBroker.rememberOrGet(kafka)).isSameAs(kafka);
        assertThat(kafka.isRunning()).isTrue();
    }
}
