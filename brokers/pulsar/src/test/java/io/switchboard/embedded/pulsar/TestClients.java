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
