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
package io.switchboard.json;

import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.Reason;
import io.switchboard.Switchboard;
import io.switchboard.memory.MemoryBroker;
import io.switchboard.memory.StoredMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSerializerTest {
    record Order(String id, int quantity, List<String> items) {
    }

    /** Jackson cannot write an object with no properties. */
    static final class Opaque {
    }

    @Test
    void valuesArriveAsJsonWithTheContentType() {
        MemoryBroker broker = MemoryBroker.named("json-test");
        try (Producer<Order> producer = Switchboard.producer("memory://json-test", JsonSerializer.json())) {
            producer.send(Message.to("orders").key("o-1").value(new Order("o-1", 2, List.of("tea", "cake"))));
        }
        StoredMessage stored = broker.messages("orders").get(0);
        assertThat(stored.valueAsString()).isEqualTo("{\"id\":\"o-1\",\"quantity\":2,\"items\":[\"tea\",\"cake\"]}");
        assertThat(stored.headers()).containsEntry("content-type", "application/json");
    }

    @Test
    void aValueJacksonCannotWriteFailsSerializationAndTheProducerGoesOn() {
        MemoryBroker broker = MemoryBroker.named("json-failure");
        try (Producer<Object> producer = Switchboard.producer("memory://json-failure", JsonSerializer.json())) {
            assertThatThrownBy(() -> producer.send(Message.of("things", new Opaque())))
                    .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SERIALIZATION))
                    .hasMessageContaining("Opaque");
            producer.send(Message.of("things", List.of(1, 2)));
        }
        assertThat(broker.messages("things")).extracting(StoredMessage::valueAsString).containsExactly("[1,2]");
    }
}
