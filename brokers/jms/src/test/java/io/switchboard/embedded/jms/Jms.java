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
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Plain JMS 2 client calls the tests repeat, each bounded in time. */
final class Jms {

    /** How long a test waits for a message that should arrive. */
    static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(10);

    private Jms() {
    }

    /** A queue name no other test uses, so tests can share a broker. */
    static String uniqueQueue(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends persistent text messages, each acknowledged by the broker before the next. */
    static void send(ConnectionFactory factory, String queue, String... texts) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (String text : texts) {
                producer.send(session.createTextMessage(text));
            }
        }
    }

    /** Receives {@code count} messages' text, failing if one does not arrive within {@link #RECEIVE_TIMEOUT}. */
    static List<String> receive(ConnectionFactory factory, String queue, int count) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                texts.add(text(receiveOne(consumer, queue)));
            }
            return texts;
        }
    }

    static Message receiveOne(MessageConsumer consumer, String from) throws JMSException {
        Message message = consumer.receive(RECEIVE_TIMEOUT.toMillis());
        if (message == null) {
            throw new AssertionError("no message from " + from + " within " + RECEIVE_TIMEOUT);
        }
        return message;
    }

    static String text(Message message) throws JMSException {
        return ((TextMessage) message).getText();
    }
}
