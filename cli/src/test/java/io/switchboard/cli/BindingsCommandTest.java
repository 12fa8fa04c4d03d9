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
package io.switchboard.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code switchboard bindings} lists every binding the command carries, with what it claims. */
class BindingsCommandTest {

    @Test
    void listsEveryBindingWithItsCapabilitiesAndHowToSelectIt() {
        Run run = Run.of("bindings");

        assertThat(run.status()).isZero();
        assertThat(run.out().lines()).anyMatch(l -> l.startsWith("kafka ") && l.contains("PARTITIONS")
                        && l.contains("switchboard.binding=kafka") && l.contains("kafka://"))
                .anyMatch(l -> l.startsWith("pulsar ") && l.contains("DELIVERY_DELAY"))
                .anyMatch(l -> l.startsWith("jms ") && l.contains("QUEUES"))
                .anyMatch(l -> l.startsWith("memory "));
    }
}
