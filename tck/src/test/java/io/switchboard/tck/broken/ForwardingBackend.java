package io.switchboard.tck.broken;

import io.switchboard.Destination;
import io.switchboard.Receipt;
import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A backend that forwards everything to another; broken backends override the one method they break. */
public class ForwardingBackend implements ProducerBackend {
    /** The backend forwarded to. */
    protected final ProducerBackend inner;

    /** Forwards to {@code inner}. */
    public ForwardingBackend(ProducerBackend inner) {
        this.inner = inner;
    }

    @Override
    public CompletableFuture<Receipt> send(OutboundRecord record) {
        return inner.send(record);
    }

    @Override
    public void flush(Duration timeout) {
        inner.flush(timeout);
    }

    @Override
    public void close(Duration timeout) {
        inner.close(timeout);
    }

    @Override
    public CompletableFuture<Integer> partitionCount(Destination destination) {
        return inner.partitionCount(destination);
    }

    @Override
    public boolean retriesInternally() {
        return inner.retriesInternally();
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return inner.unwrap(type);
    }

    /** Completes {@code target} the way {@code source} completes. */
    protected static void relay(CompletableFuture<Receipt> source, CompletableFuture<Receipt> target) {
        source.whenComplete((receipt, error) -> {
            if (error == null) {
                target.complete(receipt);
            } else {
                target.completeExceptionally(error);
            }
        });
    }
}
