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
package io.switchboard.jms;

import io.switchboard.embedded.jms.EmbeddedArtemis;
import io.switchboard.embedded.jms.EmbeddedJmsExtension;
import io.switchboard.tck.BindingCompatibilityKit;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.jms.JmsFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JMS binding keeps the whole contract on Artemis: every case of the kit runs, outages included
 * (the kit itself skips only the positive cases of capabilities the binding does not claim). */
@DisplayName("JMS binding on Artemis: compatibility kit")
class ArtemisCompatibilityTest extends BindingCompatibilityKit {
    @RegisterExtension
    static final EmbeddedJmsExtension BROKERS = TestBrokers.kitExtension();

    private static JmsFixture fixture;

    @BeforeAll
    static void useBroker(EmbeddedArtemis broker) {
        fixture = JmsFixture.artemis(broker, TestBrokers.USER, TestBrokers.PASSWORD, TestBrokers.DECODING);
    }

    @AfterAll
    static void closeProbe() throws Exception {
        fixture.close();
    }

    @Override
    protected BindingFixture fixture() {
        return fixture;
    }
}
