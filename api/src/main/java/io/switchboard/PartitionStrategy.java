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
package io.switchboard;

/**
 * How the producer places messages on partitions ({@code switchboard.partitioner}).
 */
public enum PartitionStrategy {
    /**
     * The client's own choice: the producer passes the key through, so a keyed message lands on the partition
     * the native client picks for that key (Kafka's murmur2, Pulsar's key hash). The default.
     */
    NATIVE,
    /**
     * Messages without a key go to the partitions in turn, evenly, counted per destination; keyed messages
     * still go where the native client puts their key, so per-key order holds. Needs {@link Capability#PARTITIONS}.
     */
    ROUND_ROBIN,
    /** A {@link Partitioner} given in code places every message. Needs {@link Capability#PARTITIONS}. */
    CUSTOM
}
