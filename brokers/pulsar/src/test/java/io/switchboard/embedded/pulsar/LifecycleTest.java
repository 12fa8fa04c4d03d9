package io.switchboard.embedded.pulsar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void urlsAreUnknownBeforeTheFirstStart() {
        try (EmbeddedPulsar pulsar = EmbeddedPulsar.builder().build()) {
            assertThat(pulsar.isRunning()).isFalse();
            assertThatThrownBy(pulsar::serviceUrl).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(pulsar::httpUrl).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void topicsCannotBeCreatedWhileNotRunning() {
        try (EmbeddedPulsar pulsar = EmbeddedPulsar.builder().build()) {
            assertThatThrownBy(() -> pulsar.createTopic("t")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void tokensNeedTokenAuthentication() {
        try (EmbeddedPulsar pulsar = EmbeddedPulsar.builder().build()) {
            assertThatThrownBy(() -> pulsar.createToken("app"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("tokenAuthentication(true)");
        }
    }

    @Test
    void closedInstanceCannotStartAgainAndClosesTwiceQuietly() {
        EmbeddedPulsar pulsar = EmbeddedPulsar.builder().build();
        pulsar.close();
        pulsar.close();

        assertThatThrownBy(pulsar::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invalidOptionsAreRejectedWhenSet() {
        assertThatThrownBy(() -> EmbeddedPulsar.builder().maxMessageSize(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxMessageSize");
    }
}
