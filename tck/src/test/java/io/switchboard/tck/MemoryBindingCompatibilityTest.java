package io.switchboard.tck;

import org.junit.jupiter.api.DisplayName;

/** The memory binding keeps the whole contract: every case of the kit passes, none is skipped. */
@DisplayName("memory binding compatibility")
class MemoryBindingCompatibilityTest extends BindingCompatibilityKit {
    private static final MemoryFixture FIXTURE = MemoryFixture.memoryBinding();

    @Override
    protected BindingFixture fixture() {
        return FIXTURE;
    }
}
