package io.switchboard.pulsar;

import io.switchboard.Capability;
import io.switchboard.Destination;
import io.switchboard.ProducerSettings;
import io.switchboard.embedded.pulsar.EmbeddedPulsar;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.BrokerControl;
import io.switchboard.tck.NativeProbe;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The compatibility kit's fixture for the pulsar binding, on an {@link EmbeddedPulsar}: producers connect to it,
 * destinations are topics created through its admin client (partitioned when asked for more than one partition),
 * the probe reads with Pulsar's own client, and broker control stops and starts the broker on the same data.
 */
final class PulsarFixture implements BindingFixture, AutoCloseable {
    private final EmbeddedPulsar pulsar;
    private final PulsarClient probeClient;

    PulsarFixture(EmbeddedPulsar pulsar) {
        this.pulsar = pulsar;
        try {
            this.probeClient = PulsarClient.builder().serviceUrl(pulsar.serviceUrl()).build();
        } catch (PulsarClientException e) {
            throw new IllegalStateException("cannot open the probe's client", e);
        }
    }

    @Override
    public Map<String, String> producerProperties() {
        return Map.of(ProducerSettings.BINDING, PulsarKeys.BINDING, PulsarKeys.SERVICE_URL, pulsar.serviceUrl(),
                TestProducers.MAX_BACKOFF_KEY, TestProducers.MAX_BACKOFF_NANOS);
    }

    @Override
    public Set<Capability> capabilities() {
        return new PulsarBindingProvider().capabilities();
    }

    @Override
    public Destination createDestination(String name, int partitions) {
        // Pulsar reads "-partition-N" in a topic name as a partition of another topic and refuses it in partitioned
        // topics' names; the kit's names come from case names, some of which mention partitions.
        String topic = name.replace("-partition-", "-prtn-");
        if (partitions > 1) {
            pulsar.createPartitionedTopic(topic, partitions);
        } else {
            pulsar.createTopic(topic);
        }
        return Destination.of(topic);
    }

    @Override
    public NativeProbe probe() {
        return new PulsarProbe(probeClient);
    }

    @Override
    public Optional<BrokerControl> brokerControl() {
        return Optional.of(BrokerControl.of(pulsar::stop, pulsar::start));
    }

    @Override
    public void close() {
        probeClient.closeAsync();
    }
}
