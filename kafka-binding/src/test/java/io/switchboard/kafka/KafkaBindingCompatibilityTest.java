package io.switchboard.kafka;

import io.switchboard.tck.BindingCompatibilityKit;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.kafka.KafkaFixture;
import org.junit.jupiter.api.DisplayName;

/** The whole compatibility kit against the Kafka binding, on the run's one embedded broker. */
@DisplayName("kafka binding compatibility")
class KafkaBindingCompatibilityTest extends BindingCompatibilityKit {
    private static KafkaFixture fixture;

    @Override
    protected BindingFixture fixture() {
        synchronized (KafkaBindingCompatibilityTest.class) {
            if (fixture == null) {
                fixture = KafkaFixture.on(TestBroker.get(), TestBroker.ALICE, TestBroker.ALICE_PASSWORD);
            }
        }
        TestBroker.get();   // started again if a case left it stopped
        return fixture;
    }
}
