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
package io.switchboard.tck.broken;

import io.switchboard.Capability;
import io.switchboard.tck.BindingCompatibilityKit;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.MemoryFixture;

import java.util.EnumSet;

/**
 * The kit over {@link StoresWhatItFailsBinding}. Not run by Surefire on its own (the name does not end in Test); the
 * {@code KitCatchesBrokenBindingsTest} runs the group that must catch the defect.
 */
public class StoresWhatItFailsKit extends BindingCompatibilityKit {
    private static final MemoryFixture FIXTURE = new MemoryFixture(StoresWhatItFailsBinding.NAME,
            EnumSet.allOf(Capability.class), true);

    @Override
    protected BindingFixture fixture() {
        return FIXTURE;
    }
}
