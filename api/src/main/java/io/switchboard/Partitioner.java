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
 * Chooses a partition for each message, for applications that need their own placement. Set it with
 * {@link ProducerBuilder#partitioner(Partitioner)}; it needs {@link Capability#PARTITIONS}. Without one, the
 * strategy comes from {@code switchboard.partitioner} (see {@link PartitionStrategy}).
 */
@FunctionalInterface
public interface Partitioner {

    /**
     * The partition for {@code message}, from 0 to {@code partitionCount - 1}. A result out of range fails the
     * send with {@link Reason#INVALID_ARGUMENT}.
     */
    int partition(Message<?> message, int partitionCount);
}
