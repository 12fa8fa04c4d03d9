package io.switchboard.tck.broken;

import io.switchboard.Receipt;
import io.switchboard.memory.MemoryBroker;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;

import java.util.concurrent.CompletableFuture;

/**
 * Defect: picks the partition of a keyed message with its own hash ({@link String#hashCode()}) instead of the
 * broker's placement. One key still always lands on one partition, so only the native parity case can tell.
 */
public final class OwnHashPartitionsBinding extends WrappingBindingProvider {
    /** The binding's name. */
    public static final String NAME = "broken-own-hash";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected ProducerBackend wrap(ProducerBackend inner, MemoryBroker broker, BindingConfig config) {
        return new ForwardingBackend(inner) {
            @Override
            public CompletableFuture<Receipt> send(OutboundRecord record) {
                if (record.key() == null || record.hasPartition()) {
                    return inner.send(record);
                }
                int partitions = inner.partitionCount(record.destination()).join();
                return inner.send(record.withPartition(Math.floorMod(record.key().hashCode(), partitions)));
            }
        };
    }
}
