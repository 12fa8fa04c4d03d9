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
package io.switchboard.embedded.jms;

import io.switchboard.testing.TestSecrets;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs small test classes in a JUnit engine of their own, so that "the end of the run" happens inside
 * this test and can be checked.
 */
class EmbeddedJmsExtensionTest {
    private static final String APP_PASSWORD = TestSecrets.generate("app");


    /** The brokers the classes below were given, in order. */
    private static final List<EmbeddedJmsBroker> INJECTED = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetEarlierRuns() {
        INJECTED.clear();
    }

    @Test
    @DisplayName("test classes of one run get the same running brokers, closed with their store when the run ends")
    void sharesBrokersAcrossClassesAndClosesThemAtTheEnd() {
        run(FirstClass.class, SecondClass.class).testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(INJECTED).hasSize(4);
        EmbeddedJmsBroker classic = INJECTED.get(0);
        EmbeddedJmsBroker artemis = INJECTED.get(1);
        assertThat(classic).isInstanceOf(EmbeddedActiveMqClassic.class).isSameAs(INJECTED.get(2));
        assertThat(artemis).isInstanceOf(EmbeddedArtemis.class).isSameAs(INJECTED.get(3));
        for (EmbeddedJmsBroker broker : List.of(classic, artemis)) {
            assertThat(broker.isRunning()).as("%s after the run", broker.name()).isFalse();
            Path store = ((BrokerLifecycle) broker).storeDirectory();
            assertThat(store).as("%s store after the run", broker.name()).doesNotExist();
        }
    }

    @Test
    @DisplayName("a broker one test stopped is running again when the next test asks for it")
    void restartsABrokerAnEarlierTestStopped() {
        run(StoppingClass.class).testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(INJECTED).hasSize(4);
        assertThat(INJECTED.get(2)).isSameAs(INJECTED.get(0));
        assertThat(INJECTED.get(3)).isSameAs(INJECTED.get(1));
    }

    @Test
    @DisplayName("a registered extension injects brokers with its options, shared only by classes with the same options")
    void registeredOptionsGiveTheirOwnSharedBrokers() {
        run(FirstClass.class, SecuredClass.class, AnotherSecuredClass.class)
                .testEvents().assertStatistics(stats -> stats.succeeded(3).failed(0));

        assertThat(INJECTED).hasSize(6);
        assertThat(INJECTED.get(2)).isNotSameAs(INJECTED.get(0)).isSameAs(INJECTED.get(4));
        assertThat(INJECTED.get(3)).isNotSameAs(INJECTED.get(1)).isSameAs(INJECTED.get(5));
    }

    private static EngineExecutionResults run(Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(Arrays.stream(classes).map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new))
                .execute();
    }

    @ExtendWith(EmbeddedJmsExtension.class)
    static class FirstClass {
        @Test
        void getsBothBrokers(EmbeddedActiveMqClassic classic, EmbeddedArtemis artemis) {
            assertThat(classic.isRunning()).isTrue();
            assertThat(artemis.isRunning()).isTrue();
            INJECTED.addAll(List.of(classic, artemis));
        }
    }

    @ExtendWith(EmbeddedJmsExtension.class)
    static class SecondClass {
        private final EmbeddedActiveMqClassic classic;

        SecondClass(EmbeddedActiveMqClassic classic) {
            this.classic = classic;
        }

        @Test
        void getsTheSameBrokers(EmbeddedArtemis artemis) {
            INJECTED.addAll(List.of(classic, artemis));
        }
    }

    @ExtendWith(EmbeddedJmsExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StoppingClass {
        @Test
        @Order(1)
        void stopsTheBrokers(EmbeddedActiveMqClassic classic, EmbeddedArtemis artemis) {
            INJECTED.addAll(List.of(classic, artemis));
            classic.stop();
            artemis.stop();
        }

        @Test
        @Order(2)
        void findsThemRunning(EmbeddedActiveMqClassic classic, EmbeddedArtemis artemis) throws JMSException {
            INJECTED.addAll(List.of(classic, artemis));
            assertThat(classic.isRunning()).isTrue();
            assertThat(artemis.isRunning()).isTrue();
            try (Connection connection = artemis.connectionFactory().createConnection()) {
                connection.start();
            }
        }
    }

    static class SecuredClass {
        @RegisterExtension
        static final EmbeddedJmsExtension JMS = EmbeddedJmsExtension.with(
                EmbeddedActiveMqClassic.builder().user("app", APP_PASSWORD),
                EmbeddedArtemis.builder().user("app", APP_PASSWORD));

        @Test
        void getsSecuredBrokers(EmbeddedActiveMqClassic classic, EmbeddedArtemis artemis) throws JMSException {
            INJECTED.addAll(List.of(classic, artemis));
            for (EmbeddedJmsBroker broker : List.<EmbeddedJmsBroker>of(classic, artemis)) {
                assertThatThrownBy(() -> {
                    try (Connection connection = broker.connectionFactory().createConnection()) {
                        connection.start();
                    }
                }).isInstanceOf(JMSSecurityException.class);
                try (Connection connection = broker.connectionFactory("app", APP_PASSWORD).createConnection()) {
                    connection.start();
                }
            }
        }
    }

    static class AnotherSecuredClass {
        @RegisterExtension
        static final EmbeddedJmsExtension JMS = EmbeddedJmsExtension.with(
                EmbeddedActiveMqClassic.builder().user("app", APP_PASSWORD),
                EmbeddedArtemis.builder().user("app", APP_PASSWORD));

        @Test
        void getsTheSameSecuredBrokers(EmbeddedActiveMqClassic classic, EmbeddedArtemis artemis) {
            INJECTED.addAll(List.of(classic, artemis));
        }
    }
}
