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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Reader;

/** The scenario deduplication is for: a producer that resends after a reconnect, with the same sequence ids. */
final class ResendingProducer {

    private ResendingProducer() {
    }

    /**
     * Sends sequence ids 0, 1, 2, then, from a new producer with the same name, 1 again (a retry of a message that
     * was in fact stored), and counts what the topic holds.
     */
    static int sendSequenceIdsTwiceAndCount(PulsarClient client, String topic) throws Exception {
        try (Producer<byte[]> producer = newProducer(client, topic)) {
            for (long sequenceId = 0; sequenceId < 3; sequenceId++) {
                producer.newMessage().sequenceId(sequenceId).value(bytes("message-" + sequenceId)).send();
            }
        }
        try (Producer<byte[]> retrying = newProducer(client, topic)) {
            retrying.newMessage().sequenceId(1).value(bytes("message-1")).send();
        }
        return countFromEarliest(client, topic);
    }

    private static Producer<byte[]> newProducer(PulsarClient client, String topic) throws Exception {
        return client.newProducer().topic(topic).producerName("order-service").enableBatching(false).create();
    }

    private static int countFromEarliest(PulsarClient client, String topic) throws Exception {
        try (Reader<byte[]> reader = client.newReader().topic(topic).startMessageId(MessageId.earliest).create()) {
            int count = 0;
            while (reader.hasMessageAvailable()) {
                if (reader.readNext(10, TimeUnit.SECONDS) != null) {
                    count++;
                }
            }
            return count;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
