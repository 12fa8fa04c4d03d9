package io.switchboard.pulsar;

import io.switchboard.embedded.pulsar.EmbeddedPulsar;
import io.switchboard.embedded.pulsar.EmbeddedPulsarExtension;
import io.switchboard.tck.BindingCompatibilityKit;
import io.switchboard.tck.BindingFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The compatibility kit on the pulsar binding, against one embedded broker shared by the whole run. */
class PulsarBindingCompatibilityTest extends BindingCompatibilityKit {
    @RegisterExtension
    static final EmbeddedPulsarExtension PULSAR = TestBrokers.main();

    private static PulsarFixture fixture;

    @BeforeAll
    static void openFixture(EmbeddedPulsar pulsar) {
        fixture = new PulsarFixture(pulsar);
    }

    @AfterAll
    static void closeFixture() {
        fixture.close();
    }

    @Override
    protected BindingFixture fixture() {
        return fixture;
    }
}
