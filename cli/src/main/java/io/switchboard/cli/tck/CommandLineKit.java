package io.switchboard.cli.tck;

import io.switchboard.tck.BindingCompatibilityKit;
import io.switchboard.tck.BindingFixture;

/**
 * The kit as {@code switchboard tck} runs it: the very same {@link BindingCompatibilityKit}, on the fixture the
 * command chose. The JUnit Platform instantiates it, so the fixture is handed over through a static field, set
 * before the launch and cleared after.
 */
public class CommandLineKit extends BindingCompatibilityKit {
    private static volatile BindingFixture fixture;

    /** Made by the JUnit Platform. */
    public CommandLineKit() {
    }

    static void use(BindingFixture chosen) {
        fixture = chosen;
    }

    @Override
    protected BindingFixture fixture() {
        BindingFixture chosen = fixture;
        if (chosen == null) {
            throw new IllegalStateException("no fixture chosen: CommandLineKit runs only under switchboard tck");
        }
        return chosen;
    }
}
