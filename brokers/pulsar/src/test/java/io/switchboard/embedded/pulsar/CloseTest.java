package io.switchboard.embedded.pulsar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CloseTest {

    @Test
    void closeStopsTheBrokerFreesItsPortsAndDeletesItsData() {
        EmbeddedPulsar pulsar = EmbeddedPulsar.builder().build();
        pulsar.start();
        Path data = pulsar.dataDirectory();
        String serviceUrl = pulsar.serviceUrl();
        String httpUrl = pulsar.httpUrl();
        assertThat(data).isDirectory();

        pulsar.close();

        assertThat(pulsar.isRunning()).isFalse();
        assertThat(Files.exists(data)).isFalse();
        assertThat(TcpProbe.acceptsConnections(serviceUrl)).isFalse();
        assertThat(TcpProbe.acceptsConnections(httpUrl)).isFalse();
    }
}
