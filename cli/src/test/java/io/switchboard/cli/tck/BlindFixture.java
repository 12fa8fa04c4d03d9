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
