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
