package io.switchboard.jms;

import io.switchboard.embedded.jms.EmbeddedJmsBroker;
import org.apache.activemq.broker.BrokerRegistry;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.TransportConnector;
import org.apache.activemq.broker.region.policy.PolicyEntry;
import org.apache.activemq.broker.region.policy.PolicyMap;
import org.apache.activemq.command.ActiveMQQueue;

import java.net.URI;
import java.util.function.Consumer;

/**
 * ActiveMQ Classic hands a queue browser at most {@code maxBrowsePageSize} (400) messages; the probe must see whole
 * queues (the kit reads 1000 and more). This raises the limit for the browsed queue on the embedded broker (found in
 * Classic's in-JVM broker registry by its port), before every browse since a restarted broker starts from its
 * defaults. Test code only: the binding knows nothing of it.
 */
final class ClassicBrowsing {
    private ClassicBrowsing() {
    }

    /** A hook for {@link JmsProbe} that lets browsers of a queue of {@code broker} see every message. */
    static Consumer<String> unlimited(EmbeddedJmsBroker broker) {
        return queue -> {
            BrokerService service = running(URI.create(broker.brokerUrl()).getPort());
            if (service == null) {
                return; // stopped: the browse fails on its own
            }
            ActiveMQQueue destination = new ActiveMQQueue(queue);
            try {
                // the destination's own limit, and its policy's, which each new browser subscription copies
                service.getDestination(destination).setMaxBrowsePageSize(Integer.MAX_VALUE);
                PolicyMap policies = service.getDestinationPolicy();
                PolicyEntry policy = policies == null ? null : policies.getEntryFor(destination);
                if (policy != null) {
                    policy.setMaxBrowsePageSize(Integer.MAX_VALUE);
                }
            } catch (Exception e) {
                throw new IllegalStateException("could not lift the browse limit of queue " + queue, e);
            }
        };
    }

    private static BrokerService running(int port) {
        for (BrokerService service : BrokerRegistry.getInstance().getBrokers().values()) {
            for (TransportConnector connector : service.getTransportConnectors()) {
                try {
                    if (service.isStarted() && connector.getConnectUri() != null && connector.getConnectUri().getPort() == port) {
                        return service;
                    }
                } catch (Exception e) {
                    // a connector without a URI yet belongs to a broker still starting
                }
            }
        }
        return null;
    }
}
