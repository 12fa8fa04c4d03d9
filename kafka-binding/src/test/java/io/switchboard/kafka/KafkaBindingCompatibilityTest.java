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
package io.switchboard.kafka;

import io.switchboard.tck.BindingCompatibilityKit;
import io.switchboard.tck.BindingFixture;
import io.switchboard.tck.kafka.KafkaFixture;
import org.junit.jupiter.api.DisplayName;

/** The whole compatibility kit against the Kafka binding, on the run's one embedded broker. */
@DisplayName("kafka binding compatibility")
class KafkaBindingCompatibilityTest extends BindingCompatibilityKit {
    private static KafkaFixture fixture;

    @Override
    protected BindingFixture fixture() {
        synchronized (KafkaBindingCompatibilityTest.class) {
            if (fixture == null) {
                fixture = KafkaFixture.on(TestBroker.get(), TestBroker.ALICE, TestBroker.ALICE_PASSWORD)
                        .withFaultyLink(TestBroker.PROXY);
            }
        }
        TestBroker.get();   // started again if a case left it stopped
        return fixture;
    }
}
