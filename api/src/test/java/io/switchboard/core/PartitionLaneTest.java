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
package io.switchboard.core;

import io.switchboard.Destination;
import io.switchboard.Message;
import io.switchboard.ProducerSettings;
import io.switchboard.Receipt;
import io.switchboard.ScriptedBackend;
import io.switchboard.Serializers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Review finding: the per-destination lane behind a partition-count fetch releases its tasks recursively. */
class PartitionLaneTest {

    @Test
    void manyMessagesQueuedBehindAPartitionCountFetchAreAllSentWhenItArrives() throws Exception {
        CompletableFuture<Integer> count = new CompletableFuture<>();
        ScriptedBackend scripted = new ScriptedBackend();
        io.switchboard.spi.ProducerBackend backend = new io.switchboard.spi.ProducerBackend() {
            @Override
            public CompletableFuture<Receipt> send(io.switchboard.spi.OutboundRecord record) {
                return scripted.send(record);
            }

            @Override
            public CompletableFuture<Integer> partitionCount(Destination destination) {
                return count;
            }

            @Override
            public void flush(Duration timeout) {
            }

            @Override
            public void close(Duration timeout) {
            }
        };
        ProducerSettings settings = ProducerSettings.from(Map.of("switchboard.partitioner", "round-robin",
                "switchboard.buffer.max-messages", "10000", "switchboard.delivery-timeout", "20s"));
        CoreProducer<String> producer = new CoreProducer<>(backend, "slow", EnumSet.allOf(io.switchboard.Capability.class),
                settings, Serializers.string(), null, List.of());
        try {
            List<CompletableFuture<Receipt>> futures = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                futures.add(producer.sendAsync(Message.of("d", "v" + i)));
            }
            count.complete(3); // the metadata arrives
            try {
                CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // counted below
            }
            long pending = futures.stream().filter(f -> !f.isDone()).count();
            assertThat(pending).as("messages still pending 5 s after the partition count arrived").isZero();
            assertThat(scripted.handed).hasSize(5_000);
        } finally {
            producer.close(Duration.ofSeconds(1));
        }
    }
}
