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

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import org.apache.activemq.artemis.api.core.ActiveMQAddressFullException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(EmbeddedJmsExtension.class)
@DisplayName("Artemis")
class ArtemisTest extends EmbeddedJmsBrokerContract {

    ArtemisTest(EmbeddedArtemis sharedBroker) {
        super(sharedBroker);
    }

    @Override
    EmbeddedArtemis.Builder builder() {
        return EmbeddedArtemis.builder();
    }

    /** Artemis needs no option: JMS 2 delivery delay always works. */
    @Override
    EmbeddedJmsBroker.Builder builderWithDeliveryDelay() {
        return builder();
    }

    /** Artemis needs no option: queues always deliver higher priorities first. */
    @Override
    EmbeddedJmsBroker.Builder builderWithPriorityOrdering() {
        return builder();
    }

    @Override
    EmbeddedJmsBroker brokerPickingPortsWith(IntSupplier portPicker) {
        return new EmbeddedArtemis(builder().settings(), portPicker);
    }

    @Override
    void requestDelay(MessageProducer producer, Message message, Duration delay) throws JMSException {
        producer.setDeliveryDelay(delay.toMillis());
    }

    @Override
    String expiryQueue() {
        return EmbeddedArtemis.EXPIRY_QUEUE;
    }

    @Override
    void assertDestinationFull(JMSException refusal) {
        assertThat(refusal).hasCauseInstanceOf(ActiveMQAddressFullException.class);
    }

    @Override
    boolean refusesDeniedProducerAtCreation() {
        return false;
    }

    /** Endless reconnection, with the failover timeout without which a send blocks for as long as the broker is away. */
    @Override
    ConnectionFactory reconnectingFactory(EmbeddedJmsBroker broker, Duration timeout) {
        return new ActiveMQConnectionFactory(broker.brokerUrl() + "?reconnectAttempts=-1&retryInterval=100"
                + "&callTimeout=" + timeout.toMillis() + "&callFailoverTimeout=" + timeout.toMillis());
    }

    @Test
    @DisplayName("an acceptor that cannot bind fails the start, though Artemis itself only logs it (one ERROR in the log)")
    void acceptorBindFailureFailsTheStart(@TempDir Path store) throws Exception {
        EmbeddedArtemis artemis = new EmbeddedArtemis(builder().settings(), BrokerLifecycle::pickFreePort);
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName(BrokerLifecycle.HOST))) {
            // past the lifecycle's own probe, as when another process binds the port between probe and start
            assertThatThrownBy(() -> artemis.startBroker(store, BrokerLifecycle.HOST, squatter.getLocalPort(), 0))
                    .isInstanceOf(BindException.class);
        }
        // the half-started server was stopped: it would otherwise hold the store's lock
        artemis.startBroker(store, BrokerLifecycle.HOST, BrokerLifecycle.pickFreePort(), 0);
        artemis.stopBroker();
    }
}
