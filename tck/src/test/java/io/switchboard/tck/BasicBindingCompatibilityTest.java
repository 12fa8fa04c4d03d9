package io.switchboard.tck;

import io.switchboard.tck.broken.BasicMemoryBinding;
import org.junit.jupiter.api.DisplayName;

import java.util.Set;

/**
 * An honest binding that claims no optional capability and offers no broker control passes the kit: the
 * unclaimed branch of every capability case runs, cases that need a capability check its refusal instead, the
 * flow control cases stall by linger instead of a stopped broker, and the outage group is skipped.
 */
@DisplayName("basic memory binding (no capabilities, no broker control) compatibility")
class BasicBindingCompatibilityTest extends BindingCompatibilityKit {
    private static final MemoryFixture FIXTURE = new MemoryFixture(BasicMemoryBinding.NAME, Set.of(), false);

    @Override
    protected BindingFixture fixture() {
        return FIXTURE;
    }
}
