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
package io.switchboard.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.Producer;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import io.switchboard.testing.badinput.BadInput;
import io.switchboard.testing.badinput.GeneratedSend;
import io.switchboard.testing.badinput.SendCheck;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated bad input, sent: each send is acknowledged or refused with a documented reason naming the field, and
 * every acknowledged send is in the broker, whole. The seed is fixed, so every build tries the same cases.
 */
class BadInputSendsTest {
    private static final int MAX_MESSAGE_SIZE = 4096;
    private static final List<String> DESTINATIONS = List.of("orders", "payments.eu", "audit_log");

    @Property(tries = 40, seed = "20261202")
    @Label("Every generated send is stored as sent or refused naming the field; nothing accepted is lost")
    void nothingAcceptedIsLost(@ForAll("batches") List<GeneratedSend> sends) {
        String name = "bad-input-" + UUID.randomUUID();
        MemoryBroker broker = MemoryBroker.named(name);
        try (Producer<byte[]> producer = Switchboard.builder(Serializers.bytes()).url("memory://" + name)
                .property("switchboard.max-message-size", Integer.toString(MAX_MESSAGE_SIZE)).build()) {
            List<SendCheck.Accepted> accepted = SendCheck.send(producer, sends, Duration.ofSeconds(10));
            for (SendCheck.Accepted send : accepted) {
                assertThat(broker.messages(send.destination()))
                        .filteredOn(stored -> send.id().equals(stored.headers().get(SendCheck.ID_HEADER)))
                        .as("the acknowledged send " + send.id()).singleElement()
                        .satisfies(stored -> assertThat(stored.value()).hasSize(send.valueSize()));
            }
        } finally {
            broker.reset();
        }
    }

    @Provide
    Arbitrary<List<GeneratedSend>> batches() {
        return BadInput.sends(DESTINATIONS, MAX_MESSAGE_SIZE).list().ofMinSize(1).ofMaxSize(30);
    }
}
