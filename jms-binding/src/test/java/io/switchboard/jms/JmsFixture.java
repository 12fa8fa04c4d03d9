package io.switchboard.jms;

import io.switchboard.Capability;
import io.switchboard.Destination;
import io.switchboard.ProducerSettings;
import io.switchboard.embedded.jms.EmbeddedJmsBroker;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.BrokerControl;
import io.switchboard.tck.NativeProbe;
import io.switchboard.tck.SecretSettings;
import io.switchboard.tck.ProbedMessage;
import jakarta.jms.ConnectionFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The compatibility kit's fixture for the JMS binding on one embedded broker: producers get the broker's own
 * connection factory in code and the test user's credentials as {@code jms.*} keys; destinations are queues (the
 * binding's default kind), read back with a plain {@link jakarta.jms.QueueBrowser} ({@link JmsProbe}); broker control
 * stops and starts the embedded broker on the same store and port.
 */
final class JmsFixture implements BindingFixture {
    private static final String WRONG_PASSWORD = "app-Wr0ng-8Lm";

    private final EmbeddedJmsBroker broker;
    private final ConnectionFactory factory;
    private final JmsProbe probe;

    /**
     * @param probeFactory   the provider's factory the probe browses with
     * @param beforeBrowsing what the broker needs before a browser sees a whole queue (see {@link ClassicBrowsing})
     */
    JmsFixture(EmbeddedJmsBroker broker, ConnectionFactory probeFactory, Consumer<String> beforeBrowsing) {
        this.broker = broker;
        this.factory = broker.connectionFactory();
        this.probe = new JmsProbe(probeFactory, TestBrokers.USER, TestBrokers.PASSWORD, beforeBrowsing);
    }

    @Override
    public Map<String, String> producerProperties() {
        return Map.of(ProducerSettings.BINDING, JmsBindingProvider.NAME,
                "jms.user", TestBrokers.USER,
                "jms.password", TestBrokers.PASSWORD);
    }

    @Override
    public Map<Class<?>, Object> producerResources() {
        return Map.of(ConnectionFactory.class, factory);
    }

    @Override
    public Set<Capability> capabilities() {
        return new JmsBindingProvider().capabilities();
    }

    /** A queue addressed with the default kind, which the binding maps to a queue; JMS has no partitions. */
    @Override
    public Destination createDestination(String name, int partitions) {
        return Destination.of(name);
    }

    @Override
    public Destination createQueue(String name) {
        return Destination.queue(name);
    }

    /** The test user's password, which the broker checks, and a wrong one, which it refuses. */
    @Override
    public Optional<SecretSettings> secretSettings() {
        return Optional.of(new SecretSettings(Map.of(), Map.of("jms.password", WRONG_PASSWORD),
                Set.of(TestBrokers.PASSWORD, WRONG_PASSWORD), Destination.of("tck-secrets")));
    }

    @Override
    public NativeProbe probe() {
        return (destination, expected, timeout) -> probed(probe.read(destination, expected, timeout));
    }

    private static List<ProbedMessage> probed(List<JmsProbe.ProbedJms> read) {
        return read.stream().map(m -> new ProbedMessage(m.key(), m.value(), m.headers(), -1, m.position(), m.timestamp(),
                m.priority())).toList();
    }

    @Override
    public Optional<BrokerControl> brokerControl() {
        return Optional.of(BrokerControl.of(broker::stop, broker::start));
    }

    @Override
    public String toString() {
        return "JmsFixture[" + broker.name() + " at " + broker.brokerUrl() + "]";
    }

}
