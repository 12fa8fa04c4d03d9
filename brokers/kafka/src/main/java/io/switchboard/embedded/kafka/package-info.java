/**
 * Real Kafka brokers inside the JVM, for tests: {@link io.switchboard.embedded.kafka.EmbeddedKafka}
 * (one KRaft node), {@link io.switchboard.embedded.kafka.EmbeddedKafkaCluster} (several nodes, for
 * replication and failover) and {@link io.switchboard.embedded.kafka.EmbeddedKafkaExtension} (one
 * broker shared by a whole JUnit 5 run). No Docker, nothing installed: the broker comes from the
 * {@code org.apache.kafka:kafka_2.13} artifact.
 */
package io.switchboard.embedded.kafka;
