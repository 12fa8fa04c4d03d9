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
package io.switchboard.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaClusterTest {

    private static final String TOPIC = "payments";
    private static final int RECORDS_PER_PHASE = 300;

    private static EmbeddedKafkaCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = EmbeddedKafkaCluster.builder().build().start();
    }

    @AfterAll
    static void closeCluster() {
        cluster.close();
    }

    @Test
    void keepsEveryAcknowledgedRecordWhenTheLeaderStopsMidStreamAndTheNodeRejoins() throws Exception {
        cluster.createTopic(TOPIC, 3);
        int leader = leaderOfPartitionZero();
        List<String> sent = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();

        try (KafkaProducer<String, String> producer = TestClients.producer(cluster.clientProperties())) {
            sendAsync(producer, "before-stop", sent, acks);
            cluster.stopNode(leader);                            // while the first records are in flight
            assertThat(cluster.isNodeRunning(leader)).isFalse();
            sendAsync(producer, "while-stopped", sent, acks);
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);                    // acks=all, min.insync.replicas=2: all must land
            }

            cluster.startNode(leader);
            await("node " + leader + " back in every in-sync replica set").atMost(Duration.ofSeconds(30))
                    .until(() -> inSyncEverywhere(leader));
            sendAsync(producer, "after-rejoin", sent, acks);
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }

        cluster.awaitReplicasInSync();
        assertThat(TestClients.readValues(cluster.clientProperties(), TOPIC, sent.size()))
                .containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void listsEveryNodeForBootstrapping() {
        assertThat(cluster.nodeCount()).isEqualTo(3);
        assertThat(cluster.bootstrapServers().split(",")).hasSize(3).allMatch(address -> address.startsWith("127.0.0.1:"));
    }

    private static void sendAsync(KafkaProducer<String, String> producer, String phase, List<String> sent,
            List<Future<RecordMetadata>> acks) {
        for (int i = 0; i < RECORDS_PER_PHASE; i++) {
            String value = phase + "-" + i;
            sent.add(value);
            acks.add(producer.send(new ProducerRecord<>(TOPIC, "key-" + i, value)));
        }
    }

    private static int leaderOfPartitionZero() throws Exception {
        return describeTopic().partitions().get(0).leader().id();
    }

    private static boolean inSyncEverywhere(int nodeId) throws Exception {
        return describeTopic().partitions().stream()
                .map(TopicPartitionInfo::isr)
                .allMatch(isr -> isr.stream().map(Node::id).anyMatch(id -> id == nodeId));
    }

    private static TopicDescription describeTopic() throws Exception {
        try (Admin admin = Admin.create(cluster.clientProperties())) {
            return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS).get(TOPIC);
        }
    }
}
