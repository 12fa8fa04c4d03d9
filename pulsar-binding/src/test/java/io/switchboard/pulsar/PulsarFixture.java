package io.switchboard.pulsar;

import io.switchboard.Capability;
import io.switchboard.Destination;
import io.switchboard.ProducerSettings;
import io.switchboard.embedded.pulsar.EmbeddedPulsar;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.BrokerControl;
import io.switchboard.tck.NativePartitioner;
import io.switchboard.tck.NativeProbe;
import io.switchboard.tck.SecretSettings;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.MessageIdAdv;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The compatibility kit's fixture for the pulsar binding, on an {@link EmbeddedPulsar}: producers connect to it,
 * destinations are topics created through its admin client (partitioned when asked for more than one partition),
 * the probe reads with Pulsar's own client, and broker control stops and starts the broker on the same data.
 */
final class PulsarFixture implements BindingFixture, AutoCloseable {
    private final EmbeddedPulsar pulsar;
    private final EmbeddedPulsar secured;
    private final PulsarClient probeClient;
    private SecretSettings secretSettings;

    /**
     * @param pulsar  the broker the kit runs on
     * @param secured a broker that authenticates tokens, for the secret cases
     */
    PulsarFixture(EmbeddedPulsar pulsar, EmbeddedPulsar secured) {
        this.pulsar = pulsar;
        this.secured = secured;
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

    /** Pulsar's own producer, default routing, sends each key to a twin topic; its message ids name the partition. */
    @Override
    public Optional<NativePartitioner> nativePartitioner() {
        return Optional.of(this::nativePartitions);
    }

    /** A superuser token on the secured broker, and a forged one (its signature changed), which the broker refuses. */
    @Override
    public synchronized Optional<SecretSettings> secretSettings() {
        if (secretSettings == null) {
            String token = secured.createToken(EmbeddedPulsar.SUPERUSER_ROLE);
            int dot = token.lastIndexOf('.');
            String forged = token.substring(0, dot + 1) + (token.charAt(dot + 1) == 'A' ? 'B' : 'A') + token.substring(dot + 2);
            String topic = secured.createTopic("tck-secrets-" + UUID.randomUUID());
            secretSettings = new SecretSettings(
                    Map.of(PulsarKeys.SERVICE_URL, secured.serviceUrl(), PulsarKeys.AUTH_TOKEN, token),
                    Map.of(PulsarKeys.SERVICE_URL, secured.serviceUrl(), PulsarKeys.AUTH_TOKEN, forged),
                    Set.of(token, forged), Destination.of(topic));
        }
        return Optional.of(secretSettings);
    }

    private Map<String, Integer> nativePartitions(Destination destination, int partitions, List<String> keys) {
        String twin = createDestination(destination.name() + "-native-twin", partitions).name();
        Map<String, Integer> placed = new LinkedHashMap<>();
        try (Producer<byte[]> producer = probeClient.newProducer().topic(twin).create()) {
            Map<String, CompletableFuture<MessageId>> sent = new LinkedHashMap<>();
            keys.forEach(key -> sent.put(key, producer.newMessage().key(key).value(new byte[0]).sendAsync()));
            producer.flush();
            for (Map.Entry<String, CompletableFuture<MessageId>> entry : sent.entrySet()) {
                MessageIdAdv id = (MessageIdAdv) entry.getValue().get(30, TimeUnit.SECONDS);
                placed.put(entry.getKey(), id.getPartitionIndex());
            }
        } catch (PulsarClientException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Pulsar's own producer could not send to the twin topic " + twin, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return placed;
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
