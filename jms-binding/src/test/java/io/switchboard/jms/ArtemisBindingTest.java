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

import io.switchboard.Destination;
import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.embedded.jms.EmbeddedArtemis;
import io.switchboard.embedded.jms.EmbeddedJmsBroker;
import io.switchboard.embedded.jms.EmbeddedJmsExtension;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.function.Consumer;

@DisplayName("JMS binding on Artemis")
class ArtemisBindingTest extends JmsBindingContract {
    @RegisterExtension
    static final EmbeddedJmsExtension BROKERS = TestBrokers.extension();

    private final EmbeddedArtemis broker;

    ArtemisBindingTest(EmbeddedArtemis broker) {
        this.broker = broker;
    }

    @Override
    EmbeddedJmsBroker broker() {
        return broker;
    }

    @Override
    ConnectionFactory newFactory(String url) {
        return new ActiveMQConnectionFactory(url);
    }

    /** Artemis reconnects for ever with reconnectAttempts=-1, and a blocking send waits unless callFailoverTimeout is set. */
    @Override
    String reconnectingUrlWithoutTimeout() {
        return broker.brokerUrl() + "?reconnectAttempts=-1&retryInterval=100";
    }

    @Override
    String reconnectingUrlGivingUpSoon() {
        return broker.brokerUrl() + "?reconnectAttempts=-1&retryInterval=100&callTimeout=500&callFailoverTimeout=500";
    }

    @Override
    Map<String, String> jndiDefining(String name) {
        return Map.of("java.naming.factory.initial", "org.apache.activemq.artemis.jndi.ActiveMQInitialContextFactory",
                "connectionFactory." + name, broker.brokerUrl());
    }

    /** Artemis creates addresses on first use, but does not add topic routing to an address made for a queue. */
    @Override
    Destination destinationTheBrokerWillNotCreate(Producer<String> producer) {
        String name = unique("queue-only");
        producer.send(Message.to(Destination.queue(name)).value("makes the address a queue's"));
        return Destination.topic(name);
    }

    /** Artemis does not count large messages (100 KiB and more) against the address limit: many small ones fill it. */
    @Override
    int fillingMessageSize() {
        return 64 * 1024;
    }

    /** A browser without flow control: with it, a browse may end once the client's buffer (1 MiB) is used up. */
    @Override
    ConnectionFactory probeFactory() {
        return new ActiveMQConnectionFactory(broker.brokerUrl() + "?consumerWindowSize=-1");
    }

    @Override
    Consumer<String> beforeBrowsing() {
        return queue -> { };
    }
}
