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
