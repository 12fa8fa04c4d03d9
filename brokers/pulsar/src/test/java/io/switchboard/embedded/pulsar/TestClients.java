package io.switchboard.embedded.pulsar;

import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;

/** Pulsar clients for the tests, with short timeouts so that a broken broker fails a test instead of hanging it. */
final class TestClients {

    private TestClients() {
    }

    static PulsarClient connect(EmbeddedPulsar pulsar) throws PulsarClientException {
        return PulsarClient.builder()
                .serviceUrl(pulsar.serviceUrl())
                .operationTimeout(15, TimeUnit.SECONDS)
                .build();
    }
}
