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
package io.switchboard.pulsar;

import io.switchboard.Destination;

/**
 * Where a record goes in Pulsar's terms, and so which native producer sends it: a topic with Pulsar choosing the
 * partition ({@code partition < 0}: the client routes by key, as a native producer would), or one partition the
 * Switchboard producer chose (round-robin, custom partitioner). Compared by the name as the application wrote it,
 * so that the send path builds no strings.
 *
 * @param name      the destination's name as written ({@code orders} or {@code persistent://public/default/orders})
 * @param partition the chosen partition, or -1 to let Pulsar route
 */
record Target(String name, int partition) {

    private static final String PERSISTENT = "persistent://";

    /** The target of a record: its destination, and the partition the producer chose if it chose one. */
    static Target of(Destination destination, int partition) {
        return new Target(destination.name(), Math.max(-1, partition));
    }

    /**
     * Pulsar's full name of a topic: {@code orders} is in {@code public/default}, {@code tenant/ns/orders} is
     * persistent; names with a domain stay as they are (Pulsar itself judges anything else).
     */
    static String fullName(String name) {
        if (name.contains("://")) {
            return name;
        }
        long slashes = name.chars().filter(c -> c == '/').count();
        if (slashes == 0) {
            return PERSISTENT + "public/default/" + name;
        }
        return slashes == 2 ? PERSISTENT + name : name;
    }

    /** The full topic name. */
    String topic() {
        return fullName(name);
    }

    /** Whether the topic stores messages; a non-persistent topic acknowledges what it may drop. */
    boolean isPersistent() {
        return !name.contains("://") || name.startsWith(PERSISTENT);
    }

    /** Written out: the send path looks every record's target up, and a record's generated methods are slower. */
    @Override
    public int hashCode() {
        return name.hashCode() * 31 + partition;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Target that && partition == that.partition && name.equals(that.name);
    }

    /** Whether Pulsar routes (no partition chosen by the producer). */
    boolean routedByPulsar() {
        return partition < 0;
    }

    @Override
    public String toString() {
        return partition < 0 ? topic() : topic() + " (partition " + partition + ")";
    }
}
