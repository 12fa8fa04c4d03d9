/*
 * Copyright 2026 The Switchboard authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
