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
package io.switchboard.tck;

import io.switchboard.Destination;

import java.util.List;
import java.util.Map;

/**
 * Tells where the broker's own producer would put keyed messages: the partition a plain KafkaProducer or Pulsar
 * producer, with its default partitioner, picks for each key. An application moving from that producer to
 * Switchboard keeps its per-key order only if both pick the same partition, so the kit compares every receipt and
 * every probed message with this answer.
 */
@FunctionalInterface
public interface NativePartitioner {

    /**
     * The native producer's partition for each key on a destination like {@code destination} with
     * {@code partitions} partitions. Ask the native client itself (for example by sending each key to a twin
     * destination with as many partitions and reading the partition from its acknowledgement); never write to
     * {@code destination}, which the case reads afterwards.
     *
     * @return a partition for every key, from 0 to {@code partitions - 1}
     */
    Map<String, Integer> partitionsOf(Destination destination, int partitions, List<String> keys);
}
