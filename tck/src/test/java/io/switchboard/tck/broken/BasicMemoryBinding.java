package io.switchboard.tck.broken;

import io.switchboard.Capability;
import io.switchboard.memory.MemoryBroker;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.ProducerBackend;

import java.util.Set;

/**
 * Not broken: the memory binding claiming no optional capability at all. It shows that an honest binding without
 * capabilities passes the kit (the unclaimed branch of every capability case runs on it).
 */
public final class BasicMemoryBinding extends WrappingBindingProvider {
    /** The binding's name. */
    public static final String NAME = "memory-basic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    protected ProducerBackend wrap(ProducerBackend inner, MemoryBroker broker, BindingConfig config) {
        return new ForwardingBackend(inner);
    }
}
