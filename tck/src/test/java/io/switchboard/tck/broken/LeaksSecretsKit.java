package io.switchboard.tck.broken;

import io.switchboard.Capability;
import io.switchboard.tck.BindingCompatibilityKit;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.MemoryFixture;

import java.util.EnumSet;

/**
 * The kit over {@link LeaksSecretsBinding}. Not run by Surefire on its own (the name does not end in Test); the
 * {@code KitCatchesBrokenBindingsTest} runs the group that must catch the defect.
 */
public class LeaksSecretsKit extends BindingCompatibilityKit {
    private static final MemoryFixture FIXTURE = new MemoryFixture(LeaksSecretsBinding.NAME,
            EnumSet.allOf(Capability.class), true).withSecret(LeaksSecretsBinding.PASSWORD, "memory-Pa55-4rTz");

    @Override
    protected BindingFixture fixture() {
        return FIXTURE;
    }
}
