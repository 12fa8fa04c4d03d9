package io.switchboard.jms;

import io.switchboard.embedded.jms.EmbeddedArtemis;
import io.switchboard.embedded.jms.EmbeddedJmsExtension;
import io.switchboard.tck.BindingCompatibilityKit;
import io.switchboard.tck.BindingFixture;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
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

    private static BindingFixture fixture;
    private static ActiveMQConnectionFactory probeFactory;

    @BeforeAll
    static void useBroker(EmbeddedArtemis broker) {
        // a browser without flow control, which could otherwise end a browse once its 1 MiB buffer is used up
        probeFactory = new ActiveMQConnectionFactory(broker.brokerUrl() + "?consumerWindowSize=-1");
        fixture = new JmsFixture(broker, probeFactory, queue -> { });
    }

    @AfterAll
    static void closeProbe() {
        probeFactory.close();
    }

    @Override
    protected BindingFixture fixture() {
        return fixture;
    }
}
