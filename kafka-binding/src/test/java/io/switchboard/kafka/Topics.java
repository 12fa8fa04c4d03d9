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

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.quota.ClientQuotaFilter;
import org.apache.kafka.common.quota.ClientQuotaFilterComponent;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique topic names, and the few admin steps the embedded broker's own API does not offer (topic configs). */
final class Topics {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final long TIMEOUT_SECONDS = 30;

    private Topics() {
    }

    /** A name no other test uses. */
    static String unique(String hint) {
        return "kb-" + hint + "-" + COUNTER.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    /** Creates a fresh topic with {@code partitions} partitions and returns its name. */
    static String create(String hint, int partitions) {
        String name = unique(hint);
        TestBroker.get().createTopic(name, partitions);
        return name;
    }

    /** Creates a fresh one-partition topic with topic-level configs, and waits until it has a leader. */
    static String createWithConfig(String hint, Map<String, String> configs) throws Exception {
        String name = unique(hint);
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1).configs(configs))).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Awaitility.await("a leader for " + name).atMost(Duration.ofSeconds(TIMEOUT_SECONDS))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> admin.describeTopics(List.of(name)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                            .get(name).partitions().get(0).leader() != null);
        }
        return name;
    }

    /** The producers the broker knows as idempotent writers of a partition (empty for plain writes). */
    static List<ProducerState> activeProducers(String topic, int partition) throws Exception {
        try (Admin admin = admin()) {
            return admin.describeProducers(List.of(new TopicPartition(topic, partition)))
                    .partitionResult(new TopicPartition(topic, partition)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .activeProducers();
        }
    }

    /**
     * Throttles a client id to one byte per second of produce traffic: after its first request the broker makes it
     * wait seconds before it may send again, so its later batches stay in its buffer with the broker up. Returns once
     * the broker lists the quota; it may enforce it a moment later, so a test that needs the throttle waits for a
     * throttled response itself.
     */
    static void throttleProducer(String clientId) throws Exception {
        ClientQuotaEntity entity = new ClientQuotaEntity(Map.of(ClientQuotaEntity.CLIENT_ID, clientId));
        try (Admin admin = admin()) {
            admin.alterClientQuotas(List.of(new ClientQuotaAlteration(entity,
                    List.of(new ClientQuotaAlteration.Op("producer_byte_rate", 1.0))))).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Awaitility.await("the quota of " + clientId).atMost(Duration.ofSeconds(TIMEOUT_SECONDS))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> !admin.describeClientQuotas(ClientQuotaFilter.containsOnly(
                                    List.of(ClientQuotaFilterComponent.ofEntity(ClientQuotaEntity.CLIENT_ID, clientId))))
                            .entities().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).isEmpty());
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.get().bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
    }
}
