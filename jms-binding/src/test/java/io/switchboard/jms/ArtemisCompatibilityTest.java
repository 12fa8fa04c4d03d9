package io.switchboard.jms;

import io.switchboard.embedded.jms.EmbeddedArtemis;
import io.switchboard.embedded.jms.EmbeddedJmsExtension;
import io.switchboard.tck.BindingCompatibilityKit;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.jms.JmsFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JMS binding keeps the whole contract on Artemis: every case of the kit runs, outages included
 * (the kit itself skips only the positive cases of capabilities the binding does not claim). */
@DisplayName("JMS binding on Artemis: compatibility kit")
class ArtemisCompatibilityTest extends BindingCompatibilityKit {
    @RegisterExtension
    static final EmbeddedJmsExtension BROKERS = TestBrokers.extension();

    private static JmsFixture fixture;

    @BeforeAll
    static void useBroker(EmbeddedArtemis broker) {
        fixture = JmsFixture.artemis(broker, TestBrokers.USER, TestBrokers.PASSWORD, TestBrokers.DECODING);
    }

    @AfterAll
    static void closeProbe() throws Exception {
        fixture.close();
    }

    @Override
    protected BindingFixture fixture() {
        return fixture;
    }
}
