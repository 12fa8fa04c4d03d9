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
