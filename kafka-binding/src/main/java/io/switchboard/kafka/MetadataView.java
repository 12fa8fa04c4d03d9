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

import org.apache.kafka.clients.Metadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Cluster;

import java.lang.reflect.Field;

/**
 * What a {@code KafkaProducer} knows of a topic right now, without waiting: whether its {@code send} would find
 * the topic's partitions in its metadata and so return without blocking ({@code send} waits up to
 * {@code max.block.ms} only for a topic, or a partition, its metadata lacks).
 *
 * <p>Kafka has no public call that answers this without blocking ({@code partitionsFor} waits like {@code send}),
 * so the producer's own metadata object is read once, at creation, from its {@code metadata} field; each question
 * after that is a plain call of Kafka's public {@link Metadata#fetch()}, which never blocks. On another producer
 * (a test double) or a Kafka that renamed the field, nothing is ever known, and every record goes through the
 * binding's sender thread as it would without this.
 */
final class MetadataView {
    private static final MetadataView NOTHING_KNOWN = new MetadataView(null);

    private final Metadata metadata;
    /**
     * The last answer, for the snapshot of Kafka's metadata it came from: Kafka replaces its {@link Cluster} on every
     * update, so while the snapshot is the same object the answer for the same topic is too, and most sends (one
     * topic, metadata that changes every few minutes) cost a reference comparison instead of two hash lookups. A
     * plain field holding an immutable value: a thread that sees an older one only looks the topic up again.
     */
    private Known lastKnown;

    /** The partition count of {@code topic} (or -1 for a topic Kafka cannot send to now) in {@code cluster}. */
    private record Known(Cluster cluster, String topic, int partitions) {
    }

    private MetadataView(Metadata metadata) {
        this.metadata = metadata;
    }

    static MetadataView of(Producer<?, ?> producer) {
        if (!(producer instanceof KafkaProducer<?, ?>)) {
            return NOTHING_KNOWN;
        }
        try {
            Field field = KafkaProducer.class.getDeclaredField("metadata");
            field.setAccessible(true);
            return field.get(producer) instanceof Metadata metadata ? new MetadataView(metadata) : NOTHING_KNOWN;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return NOTHING_KNOWN;
        }
    }

    /** Whether this view can ever answer yes. */
    boolean available() {
        return metadata != null;
    }

    /**
     * Whether Kafka's {@code send} of a record to {@code topic} (on {@code partition}, or -1 for Kafka's choice)
     * finds what it needs in the metadata now, so that it returns without waiting.
     */
    boolean knows(String topic, int partition) {
        if (metadata == null) {
            return false;
        }
        Cluster cluster = metadata.fetch();
        Known known = lastKnown;
        if (known == null || known.cluster != cluster || !known.topic.equals(topic)) {
            known = new Known(cluster, topic, partitionsIn(cluster, topic));
            lastKnown = known;
        }
        return partition < known.partitions;
    }

    private static int partitionsIn(Cluster cluster, String topic) {
        if (cluster.invalidTopics().contains(topic)) {
            return -1;
        }
        Integer partitions = cluster.partitionCountForTopic(topic);
        return partitions == null ? -1 : partitions;
    }
}
