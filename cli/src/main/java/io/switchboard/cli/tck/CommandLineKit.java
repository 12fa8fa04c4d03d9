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
