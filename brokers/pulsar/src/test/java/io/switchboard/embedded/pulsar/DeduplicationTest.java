package io.switchboard.embedded.pulsar;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pulsar.client.api.PulsarClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uses the plain class, without the extension, the way a test outside JUnit's extension model would. */
class DeduplicationTest {

    private static final EmbeddedPulsar PULSAR = EmbeddedPulsar.builder().deduplication(true).build();

    @BeforeAll
    static void startBroker() {
        PULSAR.start();
    }

    @AfterAll
    static void closeBroker() {
        PULSAR.close();
    }

    @Test
    void resentSequenceIdIsDropped() throws Exception {
        String topic = PULSAR.createTopic("payments");
        try (PulsarClient client = TestClients.connect(PULSAR)) {
            assertThat(ResendingProducer.sendSequenceIdsTwiceAndCount(client, topic)).isEqualTo(3);
        }
    }

    @Test
    void deduplicationIsOnInTheDefaultNamespace() throws Exception {
        try (PulsarClient client = TestClients.connect(PULSAR)) {
            assertThat(ResendingProducer.sendSequenceIdsTwiceAndCount(client, "auto-created")).isEqualTo(3);
        }
    }
}
