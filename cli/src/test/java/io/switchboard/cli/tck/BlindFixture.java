package io.switchboard.cli.tck;

import io.switchboard.Capability;
import io.switchboard.Destination;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.MemoryFixture;
import io.switchboard.tck.NativeProbe;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately failing fixture for the command's tests: the memory binding, but a probe that never finds
 * anything, so every case that reads the broker fails.
 */
public final class BlindFixture implements BindingFixture {
    private final MemoryFixture memory = MemoryFixture.memoryBinding();

    /** Made by {@code switchboard tck --fixture}. */
    public BlindFixture() {
    }

    @Override
    public Map<String, String> producerProperties() {
        return memory.producerProperties();
    }

    @Override
    public Set<Capability> capabilities() {
        return memory.capabilities();
    }

    @Override
    public Destination createDestination(String name, int partitions) {
        return memory.createDestination(name, partitions);
    }

    @Override
    public NativeProbe probe() {
        return (destination, expected, timeout) -> List.of();
    }
}
