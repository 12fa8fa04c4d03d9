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

import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The binding's own sender thread must not cost a key its order. */
class OrderingTest {

    @Test
    @DisplayName("each thread's messages of one key are written in the order it sent them")
    void keyOrderHoldsForEveryThread() throws Exception {
        String topic = Topics.create("ordering", 4);
        int threads = 4;
        int perThread = 500;
        try (Producer<String> producer = Producers.open(ProducerSettings.LINGER, "2ms")) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String key = "thread-" + t;
                    running.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            producer.sendAsync(Message.to(topic).key(key).value(key + ":" + i));
                        }
                    }));
                }
                for (Future<?> f : running) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(producer.flush(Duration.ofSeconds(20)).unfinished()).isZero();
        }
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : NativeReader.ofTestBroker().readAll(topic, Duration.ofSeconds(20))) {
            String[] parts = new String(record.value(), StandardCharsets.UTF_8).split(":");
            byKey.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
        }
        assertThat(byKey).hasSize(threads);
        byKey.forEach((key, sequence) -> assertThat(sequence).as(key).hasSize(perThread).isSorted());
    }
}
