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
package io.switchboard.pulsar;

import io.switchboard.embedded.pulsar.EmbeddedPulsarExtension;
import io.switchboard.tck.BindingCompatibilityKit;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.pulsar.PulsarFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The compatibility kit on the pulsar binding, against one embedded broker shared by the whole run. */
class PulsarBindingCompatibilityTest extends BindingCompatibilityKit {
    @RegisterExtension
    static final EmbeddedPulsarExtension PULSAR = TestBrokers.main();
    /** For the secret cases: the same broker as {@link SecurityTest}'s, so the run still starts two at most. */
    @RegisterExtension
    static final EmbeddedPulsarExtension SECURED = TestBrokers.secured();

    private static PulsarFixture fixture;

    /** Opens the fixture on both brokers: with two brokers registered, neither can be a lifecycle parameter. */
    @RegisterExtension
    static final BeforeAllCallback OPEN_FIXTURE = context ->
            fixture = PulsarFixture.on(PULSAR.sharedBroker(context), SECURED.sharedBroker(context));

    @AfterAll
    static void closeFixture() {
        fixture.close();
    }

    @Override
    protected BindingFixture fixture() {
        return fixture;
    }
}
