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

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.EOFException;
import java.time.Duration;
import java.util.function.IntSupplier;

import static io.switchboard.embedded.jms.Jms.receive;
import static io.switchboard.embedded.jms.Jms.receiveOne;
import static io.switchboard.embedded.jms.Jms.text;
import static io.switchboard.embedded.jms.Jms.uniqueQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(EmbeddedJmsExtension.class)
@DisplayName("ActiveMQ Classic")
class ActiveMqClassicTest extends EmbeddedJmsBrokerContract {

    private final EmbeddedActiveMqClassic sharedBroker;

    ActiveMqClassicTest(EmbeddedActiveMqClassic sharedBroker) {
        super(sharedBroker);
        this.sharedBroker = sharedBroker;
    }

    @Override
    EmbeddedActiveMqClassic.Builder builder() {
        return EmbeddedActiveMqClassic.builder();
    }

    @Override
    EmbeddedJmsBroker.Builder builderWithDeliveryDelay() {
        return builder().schedulerSupport(true);
    }

    @Override
    EmbeddedJmsBroker.Builder builderWithPriorityOrdering() {
        return builder().prioritizedMessages(true);
    }

    @Override
    EmbeddedJmsBroker brokerPickingPortsWith(IntSupplier portPicker) {
        return new EmbeddedActiveMqClassic(builder().settings(), portPicker);
    }

    @Override
    void requestDelay(MessageProducer producer, Message message, Duration delay) throws JMSException {
        message.setLongProperty(EmbeddedActiveMqClassic.SCHEDULED_DELAY_PROPERTY, delay.toMillis());
    }

    @Override
    String expiryQueue() {
        return EmbeddedActiveMqClassic.DEAD_LETTER_QUEUE;
    }

    @Override
    void assertDestinationFull(JMSException refusal) {
        assertThat(refusal).isInstanceOf(ResourceAllocationException.class);
    }

    /**
     * ActiveMQ Classic closes a connection it refuses two seconds after the refusal, but at once when the refusal
     * comes while the broker is still setting the connection up (TransportConnection.start); then, about once in a
     * hundred refusals here, the close overtakes the answer and the client sees its transport end (EOFException)
     * instead of the JMSSecurityException. Another attempt gets the refusal.
     */
    @Override
    boolean dropsRefusedConnectionsSometimes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    @Override
    boolean refusesDeniedProducerAtCreation() {
        return true;
    }

    /** Failover, with the timeout without which a send blocks for as long as the broker is away. */
    @Override
    ConnectionFactory reconnectingFactory(EmbeddedJmsBroker broker, Duration timeout) {
        return new ActiveMQConnectionFactory("failover:(" + broker.brokerUrl() + ")?timeout=" + timeout.toMillis()
                + "&initialReconnectDelay=50&maxReconnectDelay=200");
    }

    @Nested
    @DisplayName("defaults that differ from Artemis")
    class ClassicDefaults {

        @Test
        @DisplayName("without schedulerSupport, AMQ_SCHEDULED_DELAY is ignored and the message delivered at once")
        void scheduledDelayIgnoredWithoutScheduler() throws JMSException {
            String queueName = uniqueQueue("unscheduled");
            try (Connection connection = sharedBroker.connectionFactory().createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Queue queue = session.createQueue(queueName);
                TextMessage message = session.createTextMessage("not delayed");
                message.setLongProperty(EmbeddedActiveMqClassic.SCHEDULED_DELAY_PROPERTY, Duration.ofMinutes(10).toMillis());
                session.createProducer(queue).send(message);

                assertThat(text(receiveOne(session.createConsumer(queue), queueName))).isEqualTo("not delayed");
            }
        }

        @Test
        @DisplayName("the Classic client does not implement JMS 2 delivery delay")
        void jms2DeliveryDelayUnsupported() throws JMSException {
            try (Connection connection = sharedBroker.connectionFactory().createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue(uniqueQueue("jms2-delay")));

                assertThatThrownBy(() -> producer.setDeliveryDelay(1000)).isInstanceOf(UnsupportedOperationException.class);
            }
        }

        @Test
        @DisplayName("without prioritizedMessages, a queue delivers in send order whatever the priority")
        void sendOrderWithoutPrioritizedMessages() throws JMSException {
            String queueName = uniqueQueue("fifo");
            try (Connection connection = sharedBroker.connectionFactory().createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue(queueName));
                producer.send(session.createTextMessage("low"), jakarta.jms.DeliveryMode.PERSISTENT, 1, 0);
                producer.send(session.createTextMessage("high"), jakarta.jms.DeliveryMode.PERSISTENT, 9, 0);
            }

            assertThat(receive(sharedBroker.connectionFactory(), queueName, 2)).containsExactly("low", "high");
        }
    }
}
