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
package io.switchboard.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JvmExitGuardTest {

    /** Were the guard missing, this test would end the test JVM and fail the build that way. */
    @ParameterizedTest
    @ValueSource(strings = {"exit", "halt"})
    void turnsKafkasJvmExitIntoAnException(String action) throws Exception {
        JvmExitGuard.install();
        Method exitOrHalt = kafkaExitClass().getMethod(action, int.class, String.class);

        assertThatThrownBy(() -> exitOrHalt.invoke(null, 1, "fatal error in a test"))
                .isInstanceOf(InvocationTargetException.class)
                .cause().isInstanceOf(EmbeddedKafkaException.class)
                .hasMessageContaining(action).hasMessageContaining("fatal error in a test");
    }

    /** Looked up by name like the guard does, so the test also runs against Kafka 4.4+. */
    private static Class<?> kafkaExitClass() {
        return Stream.of("org.apache.kafka.common.utils.internals.Exit", "org.apache.kafka.common.utils.Exit")
                .flatMap(name -> {
                    try {
                        return Stream.of(Class.forName(name));
                    } catch (ClassNotFoundException e) {
                        return Stream.empty();
                    }
                })
                .findFirst().orElseThrow();
    }
}
