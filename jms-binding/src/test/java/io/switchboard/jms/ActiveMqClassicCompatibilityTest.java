package io.switchboard.jms;

import io.switchboard.embedded.jms.EmbeddedActiveMqClassic;
import io.switchboard.embedded.jms.EmbeddedJmsExtension;
import io.switchboard.tck.BindingCompatibilityKit;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.jms.JmsFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JMS binding keeps the whole contract on ActiveMQ Classic: every case of the kit runs, outages included
 * (the kit itself skips only the positive cases of capabilities the binding does not claim). */
@DisplayName("JMS binding on ActiveMQ Classic: compatibility kit")
class ActiveMqClassicCompatibilityTest extends BindingCompatibilityKit {
    @RegisterExtension
    static final EmbeddedJmsExtension BROKERS = TestBrokers.extension();

    private static BindingFixture fixture;

    @BeforeAll
    static void useBroker(EmbeddedActiveMqClassic broker) {
        fixture = JmsFixture.classic(broker, TestBrokers.USER, TestBrokers.PASSWORD, TestBrokers.DECODING);
    }

    @Override
    protected BindingFixture fixture() {
        return fixture;
    }
}
