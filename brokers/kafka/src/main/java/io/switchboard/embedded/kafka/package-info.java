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
/**
 * Real Kafka brokers inside the JVM, for tests: {@link io.switchboard.embedded.kafka.EmbeddedKafka}
 * (one KRaft node), {@link io.switchboard.embedded.kafka.EmbeddedKafkaCluster} (several nodes, for
 * replication and failover) and {@link io.switchboard.embedded.kafka.EmbeddedKafkaExtension} (one
 * broker shared by a whole JUnit 5 run). No Docker, nothing installed: the broker comes from the
 * {@code org.apache.kafka:kafka_2.13} artifact.
 */
package io.switchboard.embedded.kafka;
