package io.switchboard.embedded.pulsar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPulsarExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionTest {

    private static EmbeddedPulsar injectedBeforeAll;

    @BeforeAll
    static void remember(EmbeddedPulsar pulsar) {
        injectedBeforeAll = pulsar;
    }

    @Test
    @Order(1)
    void injectsOneRunningBrokerEverywhere(EmbeddedPulsar pulsar) {
        assertThat(pulsar).isSameAs(injectedBeforeAll);
        assertThat(pulsar.isRunning()).isTrue();
    }

    @Test
    @Order(2)
    void aTestMayStopTheSharedBroker(EmbeddedPulsar pulsar) {
        pulsar.stop();

        assertThat(pulsar.isRunning()).isFalse();
    }

    @Test
    @Order(3)
    void theNextInjectionStartsItAgain(EmbeddedPulsar pulsar) {
        assertThat(pulsar).isSameAs(injectedBeforeAll);
        assertThat(pulsar.isRunning()).isTrue();
    }

    @Nested
    class NestedClasses {

        @Test
        void shareTheSameBroker(EmbeddedPulsar pulsar) {
            assertThat(pulsar).isSameAs(injectedBeforeAll);
        }
    }
}
