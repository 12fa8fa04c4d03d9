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

import io.switchboard.MessagingException;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How opening a producer reacts to each way the first connection can fail. The factory here is scripted (a fake is
 * enough: what is tested is the binding's reaction, not a provider); the real refusals are provoked on both brokers
 * in {@link JmsBindingContract}.
 */
@DisplayName("Opening a producer: the first connection")
class FirstConnectTest {

    @Test
    @DisplayName("a connection the broker drops while it is opened is tried again, and the refusal behind it is reported")
    void droppedHandshakeIsTriedAgain() {
        ScriptedFactory factory = new ScriptedFactory(dropped(), refused());
        MessagingException e = openFailure(factory);
        assertThat(e.reason()).isEqualTo(Reason.UNAUTHENTICATED);
        assertThat(e.getCause()).isInstanceOf(JMSSecurityException.class);
        assertThat(factory.asked.get()).isEqualTo(2);
    }

    @Test
    @DisplayName("a broker that keeps dropping the connection is tried three times, then reported UNAVAILABLE with a hint")
    void keptDroppingIsReportedWithAHint() {
        ScriptedFactory factory = new ScriptedFactory(dropped(), dropped(), dropped(), refused());
        MessagingException e = openFailure(factory);
        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.getMessage()).contains("closed the connection while it was being opened").contains("jms.user");
        assertThat(factory.asked.get()).isEqualTo(ConnectionKeeper.FIRST_CONNECT_ATTEMPTS);
    }

    @Test
    @DisplayName("a refusal and an absent broker are reported at once, without another attempt")
    void otherFailuresAreNotTriedAgain() {
        ScriptedFactory refusing = new ScriptedFactory(refused(), refused());
        assertThat(openFailure(refusing).reason()).isEqualTo(Reason.UNAUTHENTICATED);
        assertThat(refusing.asked.get()).isEqualTo(1);

        JMSException absent = new JMSException("Could not connect to broker URL");
        absent.initCause(new ConnectException("Connection refused"));
        ScriptedFactory nobody = new ScriptedFactory(absent, absent);
        MessagingException e = openFailure(nobody);
        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.getMessage()).contains("could not connect");
        assertThat(nobody.asked.get()).isEqualTo(1);
    }

    private static MessagingException openFailure(ConnectionFactory factory) {
        return catchThrowableOfType(MessagingException.class, () -> Switchboard.builder(Serializers.string())
                .property(ProducerSettings.BINDING, "jms")
                .property("jms.user", "app").property("jms.password", "secret")
                .resource(ConnectionFactory.class, factory)
                .build());
    }

    /** What an ActiveMQ Classic client throws when the broker closed the socket before answering. */
    private static JMSException dropped() {
        JMSException e = new JMSException("Disposed due to prior exception");
        e.initCause(new IOException("Disposed due to prior exception", new EOFException()));
        return e;
    }

    private static JMSException refused() {
        return new JMSSecurityException("User name [app] or password is invalid.");
    }

    /** A factory whose createConnection throws the given failures in turn; nothing else of it is used. */
    private static final class ScriptedFactory implements ConnectionFactory {
        final AtomicInteger asked = new AtomicInteger();
        private final Deque<JMSException> failures;

        ScriptedFactory(JMSException... failures) {
            this.failures = new ArrayDeque<>(List.of(failures));
        }

        @Override
        public Connection createConnection() throws JMSException {
            asked.incrementAndGet();
            throw failures.isEmpty() ? new JMSException("the script has no more failures") : failures.poll();
        }

        @Override
        public Connection createConnection(String user, String password) throws JMSException {
            return createConnection();
        }

        @Override
        public JMSContext createContext() {
            throw new UnsupportedOperationException("the binding uses connections");
        }

        @Override
        public JMSContext createContext(String user, String password) {
            return createContext();
        }

        @Override
        public JMSContext createContext(String user, String password, int sessionMode) {
            return createContext();
        }

        @Override
        public JMSContext createContext(int sessionMode) {
            return createContext();
        }
    }
}
