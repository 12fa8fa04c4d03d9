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
