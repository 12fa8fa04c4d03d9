package io.switchboard.tck.broken;

import io.switchboard.Capability;
import io.switchboard.memory.MemoryBindingProvider;
import io.switchboard.memory.MemoryBroker;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.BindingProvider;
import io.switchboard.spi.ProducerBackend;

import java.util.EnumSet;
import java.util.Set;

/**
 * A test binding that wraps the memory binding's backend, each subclass with one deliberate defect (or, for
 * {@link BasicMemoryBinding}, none): the kit must catch every defect. The binding's own keys are the memory
 * binding's ({@code <name>.broker}).
 */
public abstract class WrappingBindingProvider implements BindingProvider {
    private final MemoryBindingProvider memory = new MemoryBindingProvider();

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public ProducerBackend createProducer(BindingConfig config) {
        ProducerBackend inner = memory.createProducer(new BindingConfig(config.settings(), MemoryBindingProvider.NAME,
                config.properties(), config.resources()));
        MemoryBroker broker = MemoryBroker.named(config.property(MemoryBindingProvider.BROKER)
                .orElse(MemoryBroker.DEFAULT_NAME));
        return wrap(inner, broker, config);
    }

    /** The backend with the defect, around the memory binding's. */
    protected abstract ProducerBackend wrap(ProducerBackend inner, MemoryBroker broker, BindingConfig config);
}
