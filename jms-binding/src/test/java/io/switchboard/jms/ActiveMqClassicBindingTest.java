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
import io.switchboard.Producer;
import io.switchboard.embedded.jms.EmbeddedActiveMqClassic;
import io.switchboard.embedded.jms.EmbeddedJmsBroker;
import io.switchboard.embedded.jms.EmbeddedJmsExtension;
import io.switchboard.tck.jms.ClassicBrowsing;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.function.Consumer;

@DisplayName("JMS binding on ActiveMQ Classic")
class ActiveMqClassicBindingTest extends JmsBindingContract {
    @RegisterExtension
    static final EmbeddedJmsExtension BROKERS = TestBrokers.extension();

    private final EmbeddedActiveMqClassic broker;

    ActiveMqClassicBindingTest(EmbeddedActiveMqClassic broker) {
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

    /** Classic's failover transport waits for the broker for ever unless its URL has timeout=. */
    @Override
    String reconnectingUrlWithoutTimeout() {
        return "failover:(" + broker.brokerUrl() + ")?initialReconnectDelay=50&maxReconnectDelay=200";
    }

    @Override
    String reconnectingUrlGivingUpSoon() {
        return "failover:(" + broker.brokerUrl() + ")?timeout=500&initialReconnectDelay=50&maxReconnectDelay=200";
    }

    @Override
    Map<String, String> jndiDefining(String name) {
        return Map.of("java.naming.factory.initial", "org.apache.activemq.jndi.ActiveMQInitialContextFactory",
                "java.naming.provider.url", broker.brokerUrl(),
                "connectionFactoryNames", name);
    }

    /**
     * Classic creates queues and topics on first use; it refuses a temporary queue that does not exist (names
     * starting with ID: are temporary queues to its client).
     */
    @Override
    Destination destinationTheBrokerWillNotCreate(Producer<String> producer) {
        return Destination.queue("ID:" + unique("missing-temporary"));
    }

    /** Classic counts every message against the destination's memory limit: a few large ones fill it. */
    @Override
    int fillingMessageSize() {
        return 1024 * 1024;
    }

    @Override
    ConnectionFactory probeFactory() {
        return new ActiveMQConnectionFactory(broker.brokerUrl());
    }

    @Override
    Consumer<String> beforeBrowsing() {
        return ClassicBrowsing.unlimited(broker);
    }
}
