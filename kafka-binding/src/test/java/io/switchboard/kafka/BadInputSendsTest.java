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
package io.switchboard.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import io.switchboard.testing.badinput.BadInput;
import io.switchboard.testing.badinput.GeneratedSend;
import io.switchboard.testing.badinput.SendCheck;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Generated bad input, sent to the real broker: each send is acknowledged or refused with a documented reason
 * naming the field, and every acknowledged send is in the topic, whole, as Kafka's own consumer reads it. Fewer
 * tries than on the memory binding: each reads the topic back.
 */
class BadInputSendsTest {
    private static final int MAX_MESSAGE_SIZE = 4096;

    @Property(tries = 6, seed = "20261202")
    @Label("Every generated send reaches Kafka as sent or is refused naming the field; nothing accepted is lost")
    void nothingAcceptedIsLost(@ForAll("batches") List<GeneratedSend> sends) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(ProducerSettings.MAX_MESSAGE_SIZE, Integer.toString(MAX_MESSAGE_SIZE));
        List<SendCheck.Accepted> accepted;
        try (Producer<byte[]> producer = Switchboard.builder(Serializers.bytes()).properties(baseSettings(settings))
                .build()) {
            accepted = SendCheck.send(producer, sends, Duration.ofSeconds(20));
        }
        List<ConsumerRecord<byte[], byte[]>> stored = NativeReader.ofTestBroker().readAll(TOPIC, Duration.ofSeconds(30));
        Map<String, Integer> sizes = stored.stream().collect(Collectors.toMap(BadInputSendsTest::id,
                record -> record.value().length, (a, b) -> -1));
        for (SendCheck.Accepted send : accepted) {
            assertThat(sizes).as("the acknowledged send " + send.id()).containsEntry(send.id(), send.valueSize());
        }
    }

    private static final String TOPIC = Topics.create("bad-input", 3);

    private static Map<String, String> baseSettings(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(Producers.BASE);
        all.put("kafka.bootstrap.servers", TestBroker.get().bootstrapServers());
        all.putAll(settings);
        return all;
    }

    private static String id(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(SendCheck.ID_HEADER);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<List<GeneratedSend>> batches() {
        return BadInput.sends(List.of(TOPIC), MAX_MESSAGE_SIZE).list().ofMinSize(1).ofMaxSize(25);
    }
}
