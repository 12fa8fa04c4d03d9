package io.switchboard.tck.broken;

import io.switchboard.Receipt;
import io.switchboard.memory.MemoryBroker;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;

import java.util.concurrent.CompletableFuture;

/** Defect: claims {@code DELIVERY_DELAY} but drops the delay, so consumers see the message at once. */
public final class IgnoresDeliveryDelayBinding extends WrappingBindingProvider {
    /** The binding's name. */
    public static final String NAME = "broken-ignores-delay";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected ProducerBackend wrap(ProducerBackend inner, MemoryBroker broker, BindingConfig config) {
        return new ForwardingBackend(inner) {
            @Override
            public CompletableFuture<Receipt> send(OutboundRecord record) {
                return inner.send(new OutboundRecord(record.destination(), record.key(), record.value(),
                        record.headers(), record.timestamp(), record.partition(), null, record.timeToLive(),
                        record.priority(), record.deadlineNanos()));
            }
        };
    }
}
