package io.switchboard.tck.broken;

import io.switchboard.memory.MemoryBroker;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.ProducerBackend;

import java.time.Duration;

/**
 * Defect: hangs in flush. It ignores the timeout and waits a minute longer (interruptibly, so that the kit's
 * bound can end it).
 */
public final class HangsInFlushBinding extends WrappingBindingProvider {
    /** The binding's name. */
    public static final String NAME = "broken-hangs-in-flush";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected ProducerBackend wrap(ProducerBackend inner, MemoryBroker broker, BindingConfig config) {
        return new ForwardingBackend(inner) {
            @Override
            public void flush(Duration timeout) {
                try {
                    Thread.sleep(timeout.plusMinutes(1).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inner.flush(timeout);
            }
        };
    }
}
