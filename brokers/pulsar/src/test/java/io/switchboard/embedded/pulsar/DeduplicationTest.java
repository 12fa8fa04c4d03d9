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

import org.apache.pulsar.client.api.PulsarClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uses the plain class, without the extension, the way a test outside JUnit's extension model would. */
class DeduplicationTest {

    private static final EmbeddedPulsar PULSAR = EmbeddedPulsar.builder().deduplication(true).build();

    @BeforeAll
    static void startBroker() {
        PULSAR.start();
    }

    @AfterAll
    static void closeBroker() {
        PULSAR.close();
    }

    @Test
    void resentSequenceIdIsDropped() throws Exception {
        String topic = PULSAR.createTopic("payments");
        try (PulsarClient client = TestClients.connect(PULSAR)) {
            assertThat(ResendingProducer.sendSequenceIdsTwiceAndCount(client, topic)).isEqualTo(3);
        }
    }

    @Test
    void deduplicationIsOnInTheDefaultNamespace() throws Exception {
        try (PulsarClient client = TestClients.connect(PULSAR)) {
            assertThat(ResendingProducer.sendSequenceIdsTwiceAndCount(client, "auto-created")).isEqualTo(3);
        }
    }
}
