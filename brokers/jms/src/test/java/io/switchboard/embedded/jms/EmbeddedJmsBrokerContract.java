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
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import static io.switchboard.embedded.jms.Jms.receive;
import static io.switchboard.embedded.jms.Jms.receiveOne;
import static io.switchboard.embedded.jms.Jms.send;
import static io.switchboard.embedded.jms.Jms.text;
import static io.switchboard.embedded.jms.Jms.uniqueQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What every embedded broker does, written once. A subclass says how to build its broker and states,
 * through the abstract methods, the few places where the brokers really differ.
 */
abstract class EmbeddedJmsBrokerContract {

    private static final String APP_USER = "app";
    private static final String APP_PASSWORD = TestSecrets.generate("app");
    private static final String GUEST_USER = "guest";
    private static final String GUEST_PASSWORD = TestSecrets.generate("guest");
    private static final String LOCKED_QUEUE = "orders.locked";

    /** How long a refused connection or send may take: long enough for a loaded machine, far from a hang. */
    private static final Duration REFUSAL_BOUND = Duration.ofSeconds(10);

    private final EmbeddedJmsBroker sharedBroker;

    EmbeddedJmsBrokerContract(EmbeddedJmsBroker sharedBroker) {
        this.sharedBroker = sharedBroker;
    }

    /** A builder with the broker's defaults. */
    abstract EmbeddedJmsBroker.Builder builder();

    /** A builder of a broker that honours delivery delays. */
    abstract EmbeddedJmsBroker.Builder builderWithDeliveryDelay();

    /** A builder of a broker that delivers higher priorities first. */
    abstract EmbeddedJmsBroker.Builder builderWithPriorityOrdering();

    /** A broker with default options that takes the ports it tries first from {@code portPicker}. */
    abstract EmbeddedJmsBroker brokerPickingPortsWith(IntSupplier portPicker);

    /** Asks, the way this broker understands, for {@code message} to be delivered {@code delay} after its send. */
    abstract void requestDelay(MessageProducer producer, Message message, Duration delay) throws JMSException;

    /** The queue where the broker puts expired messages. */
    abstract String expiryQueue();

    /** Asserts that {@code refusal} is how the broker says that a destination is full. */
    abstract void assertDestinationFull(JMSException refusal);

    /**
     * Whether this failure to connect is the broker closing a refused connection before its refusal reached the
     * client, which another attempt shows as the refusal. No by default.
     */
    boolean dropsRefusedConnectionsSometimes(Throwable failure) {
        return false;
    }

    /** Whether a user denied to send to a destination is refused already when it creates a producer for it. */
    abstract boolean refusesDeniedProducerAtCreation();

    /**
     * A factory, configured as the README recommends, whose connections survive a broker restart and whose
     * sends fail after about {@code timeout} while the broker is away.
     */
    abstract ConnectionFactory reconnectingFactory(EmbeddedJmsBroker broker, Duration timeout);

    @Nested
    @DisplayName("messaging")
    class Messaging {

        @Test
        @DisplayName("a message sent with plain JMS arrives with its body, properties and headers")
        void sendsAndReceivesWithPlainJms() throws JMSException {
            String queueName = uniqueQueue("plain");
            try (Connection connection = sharedBroker.connectionFactory().createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Queue queue = session.createQueue(queueName);
                TextMessage sent = session.createTextMessage("hello");
                sent.setStringProperty("source", "web");
                sent.setJMSCorrelationID("order-42");
                session.createProducer(queue).send(sent);

                Message received = receiveOne(session.createConsumer(queue), queueName);

                assertThat(text(received)).isEqualTo("hello");
                assertThat(received.getStringProperty("source")).isEqualTo("web");
                assertThat(received.getJMSCorrelationID()).isEqualTo("order-42");
                assertThat(received.getJMSMessageID()).isEqualTo(sent.getJMSMessageID()).isNotNull();
                assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
                assertThat(((Queue) received.getJMSDestination()).getQueueName()).isEqualTo(queueName);
            }
        }

        @Test
        @DisplayName("an expired message is not delivered, and goes to the broker's expiry queue")
        void expiredMessageIsNotDelivered() throws JMSException {
            String queueName = uniqueQueue("ttl");
            try (Connection connection = sharedBroker.connectionFactory().createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Queue queue = session.createQueue(queueName);
                MessageProducer producer = session.createProducer(queue);
                TextMessage shortLived = session.createTextMessage("short-lived");
                shortLived.setStringProperty("test", queueName);
                producer.send(shortLived, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 200);
                producer.send(session.createTextMessage("long-lived"));
                long expiration = shortLived.getJMSExpiration();
                assertThat(expiration).as("JMSExpiration set by send").isPositive();

                await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() > expiration);
                connection.start();

                assertThat(text(receiveOne(session.createConsumer(queue), queueName))).isEqualTo("long-lived");
                MessageConsumer expired = session.createConsumer(session.createQueue(expiryQueue()), "test = '" + queueName + "'");
                assertThat(text(receiveOne(expired, expiryQueue()))).isEqualTo("short-lived");
            }
        }
    }

    @Nested
    @DisplayName("lifecycle")
    class Lifecycle {

        @Test
        @DisplayName("restart keeps persistent messages, the URL, and lets a new connection in")
        void restartKeepsPersistentMessages() throws JMSException {
            try (EmbeddedJmsBroker broker = builder().build()) {
                broker.start();
                String url = broker.brokerUrl();
                String queue = uniqueQueue("restart");
                List<String> sent = numbered("m", 50);
                send(broker.connectionFactory(), queue, sent.toArray(String[]::new));

                broker.restart();

                assertThat(broker.isRunning()).isTrue();
                assertThat(broker.brokerUrl()).isEqualTo(url);
                assertThat(receive(broker.connectionFactory(), queue, sent.size())).isEqualTo(sent);
            }
        }

        @Test
        @DisplayName("a stopped broker refuses connections at once, and has its messages back when started")
        void stoppedBrokerRefusesConnections() throws JMSException {
            try (EmbeddedJmsBroker broker = builder().build()) {
                broker.start();
                String queue = uniqueQueue("outage");
                send(broker.connectionFactory(), queue, "before the outage");
                ConnectionFactory factory = broker.connectionFactory();

                broker.stop();

                assertThat(broker.isRunning()).isFalse();
                assertTimeoutPreemptively(REFUSAL_BOUND, () -> assertThatThrownBy(() -> {
                    try (Connection connection = factory.createConnection()) {
                        connection.start();
                    }
                }).isInstanceOf(JMSException.class));

                broker.start();
                assertThat(receive(factory, queue, 1)).containsExactly("before the outage");
            }
        }

        @Test
        @DisplayName("a reconnecting client's send fails within its timeout while the broker is down, and the same connection sends again after a restart")
        void reconnectingClientSurvivesRestart() throws Exception {
            try (EmbeddedJmsBroker broker = builder().build()) {
                broker.start();
                String queueName = uniqueQueue("reconnect");
                ConnectionFactory factory = reconnectingFactory(broker, Duration.ofSeconds(1));
                try (Connection connection = factory.createConnection()) {
                    connection.start();
                    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    Queue queue = session.createQueue(queueName);
                    MessageProducer producer = session.createProducer(queue);
                    producer.send(session.createTextMessage("before"));

                    broker.stop();
                    assertTimeoutPreemptively(REFUSAL_BOUND, () -> assertThatThrownBy(
                            () -> producer.send(session.createTextMessage("during"))).isInstanceOf(JMSException.class));

                    broker.start();
                    // the client reconnects and restores its session in the background, which can outlast the
                    // 1 s send timeout on a loaded machine: a send that times out meanwhile is tried again, on the
                    // same connection and session, until the bound (far above a normal reconnect, short of a hang)
                    await("a send on the same connection after the restart").atMost(Duration.ofSeconds(20))
                            .pollInSameThread().pollInterval(Duration.ofMillis(100))
                            .ignoreExceptionsInstanceOf(JMSException.class)
                            .untilAsserted(() -> producer.send(session.createTextMessage("after")));
                    MessageConsumer consumer = session.createConsumer(queue);
                    assertThat(text(receiveOne(consumer, queueName))).isEqualTo("before");
                    // a timed-out try may still have been written: a second "after" may follow, which is no failure
                    assertThat(text(receiveOne(consumer, queueName))).isEqualTo("after");
                } finally {
                    if (factory instanceof AutoCloseable closeable) {
                        closeable.close();
                    }
                }
            }
        }

        @Test
        @DisplayName("without disk sync, persistent messages still survive a restart")
        void withoutDiskSyncMessagesSurviveRestart() throws JMSException {
            try (EmbeddedJmsBroker broker = builder().diskSync(false).build()) {
                broker.start();
                String queue = uniqueQueue("nosync");
                List<String> sent = numbered("m", 200);
                send(broker.connectionFactory(), queue, sent.toArray(String[]::new));

                broker.restart();

                assertThat(receive(broker.connectionFactory(), queue, sent.size())).isEqualTo(sent);
            }
        }

        @Test
        @DisplayName("starting again fails with a clear message when another process took the port")
        void startFailsWhenPortWasTaken() throws IOException {
            try (EmbeddedJmsBroker broker = builder().build()) {
                broker.start();
                int port = portOf(broker);
                broker.stop();

                try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                    assertThat(squatter.isBound()).isTrue();
                    assertThatThrownBy(broker::start)
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining(broker.brokerUrl())
                            .hasMessageContaining("another process is using the port");
                    assertThat(broker.isRunning()).isFalse();
                }

                broker.start();
                assertThat(broker.isRunning()).isTrue();
                assertThat(portOf(broker)).isEqualTo(port);
            }
        }

        @Test
        @DisplayName("the first start moves to another port when the one it picked is taken")
        void firstStartAvoidsATakenPort() throws IOException {
            try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                int taken = squatter.getLocalPort();
                int free = BrokerLifecycle.pickFreePort();
                int[] picks = {taken, free};
                int[] calls = {0};
                try (EmbeddedJmsBroker broker = brokerPickingPortsWith(() -> picks[Math.min(calls[0]++, 1)])) {
                    broker.start();

                    assertThat(broker.isRunning()).isTrue();
                    assertThat(portOf(broker)).isEqualTo(free);
                }
            }
        }

        @Test
        @DisplayName("close deletes the store, may be repeated, and the broker cannot be used afterwards")
        void closeDeletesStoreAndIsIdempotent() {
            EmbeddedJmsBroker broker = builder().build();
            broker.start();
            var store = ((BrokerLifecycle) broker).storeDirectory();
            assertThat(store).isDirectory();

            broker.close();
            broker.close();

            assertThat(broker.isRunning()).isFalse();
            assertThat(store).doesNotExist();
            assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThatThrownBy(broker::connectionFactory).isInstanceOf(IllegalStateException.class);
        }

        @Test
        @DisplayName("a broker that never started has no URL yet, and says why")
        void noUrlBeforeFirstStart() {
            try (EmbeddedJmsBroker broker = builder().build()) {
                assertThat(broker.isRunning()).isFalse();
                assertThatThrownBy(broker::brokerUrl).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("never started");
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("users")
    class Users {

        private EmbeddedJmsBroker broker;

        @BeforeAll
        void startSecuredBroker() {
            broker = builder()
                    .user(APP_USER, APP_PASSWORD)
                    .userDeniedSendTo(GUEST_USER, GUEST_PASSWORD, LOCKED_QUEUE)
                    .build();
            broker.start();
        }

        @AfterAll
        void closeBroker() {
            broker.close();
        }

        @Test
        @DisplayName("a user with the right password sends and receives")
        void rightPasswordWorks() throws JMSException {
            String queue = uniqueQueue("auth");
            ConnectionFactory factory = broker.connectionFactory(APP_USER, APP_PASSWORD);
            send(factory, queue, "authenticated");
            assertThat(receive(factory, queue, 1)).containsExactly("authenticated");
        }

        @Test
        @DisplayName("a wrong password is refused with JMSSecurityException, quickly")
        void wrongPasswordIsRefused() {
            assertRefusedConnection(broker.connectionFactory(APP_USER, "wrong"));
        }

        @Test
        @DisplayName("a connection without credentials is refused with JMSSecurityException")
        void missingCredentialsAreRefused() {
            assertRefusedConnection(broker.connectionFactory());
        }

        /**
         * A connection with these credentials is refused with JMSSecurityException within the bound. A broker that
         * may close a refused connection before its answer arrives ({@link #dropsRefusedConnectionsSometimes}) gets
         * up to three attempts, each of which must fail, the last one with the refusal itself.
         */
        private void assertRefusedConnection(ConnectionFactory factory) {
            assertTimeoutPreemptively(REFUSAL_BOUND, () -> {
                for (int attempt = 1; ; attempt++) {
                    Throwable refusal = catchThrowable(() -> {
                        try (Connection connection = factory.createConnection()) {
                            connection.start();
                            connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                        }
                    });
                    assertThat(refusal).as("attempt %d to connect", attempt).isNotNull();
                    if (attempt < 3 && dropsRefusedConnectionsSometimes(refusal)) {
                        continue;
                    }
                    assertThat(refusal).isInstanceOf(JMSSecurityException.class);
                    return;
                }
            });
        }

        @Test
        @DisplayName("a user denied a destination cannot send to it: the send fails with JMSSecurityException")
        void deniedUserCannotSend() throws JMSException {
            try (Connection connection = broker.connectionFactory(GUEST_USER, GUEST_PASSWORD).createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer anonymous = session.createProducer(null);
                Queue locked = session.createQueue(LOCKED_QUEUE);
                TextMessage message = session.createTextMessage("not allowed");

                assertTimeoutPreemptively(REFUSAL_BOUND, () -> assertThatThrownBy(() -> anonymous.send(locked, message))
                        .isInstanceOf(JMSSecurityException.class));
            }
        }

        @Test
        @DisplayName("a producer for the denied destination is refused at creation (Classic) or at its first send (Artemis)")
        void deniedProducerIsRefused() throws JMSException {
            try (Connection connection = broker.connectionFactory(GUEST_USER, GUEST_PASSWORD).createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Queue locked = session.createQueue(LOCKED_QUEUE);
                if (refusesDeniedProducerAtCreation()) {
                    assertThatThrownBy(() -> session.createProducer(locked)).isInstanceOf(JMSSecurityException.class);
                } else {
                    MessageProducer producer = session.createProducer(locked);
                    assertThatThrownBy(() -> producer.send(session.createTextMessage("not allowed")))
                            .isInstanceOf(JMSSecurityException.class);
                }
            }
        }

        @Test
        @DisplayName("a user denied a destination still consumes from it and sends elsewhere")
        void deniedUserMayConsumeAndSendElsewhere() throws JMSException {
            ConnectionFactory guest = broker.connectionFactory(GUEST_USER, GUEST_PASSWORD);
            send(broker.connectionFactory(APP_USER, APP_PASSWORD), LOCKED_QUEUE, "for the guest");
            assertThat(receive(guest, LOCKED_QUEUE, 1)).containsExactly("for the guest");

            String open = uniqueQueue("open");
            send(guest, open, "from the guest");
            assertThat(receive(guest, open, 1)).containsExactly("from the guest");
        }
    }

    @Nested
    @DisplayName("optional features")
    class OptionalFeatures {

        @Test
        @DisplayName("a delayed message is delivered after a later undelayed one, and no sooner than its delay")
        void delayedMessageWaitsForItsDelay() throws JMSException {
            // "on time" is sent after "delayed" and must reach the consumer before the delay has passed: 2 s leaves
            // room for a descheduled client or broker between the two sends
            Duration delay = Duration.ofSeconds(2);
            try (EmbeddedJmsBroker broker = builderWithDeliveryDelay().build()) {
                broker.start();
                String queueName = uniqueQueue("delay");
                try (Connection connection = broker.connectionFactory().createConnection()) {
                    connection.start();
                    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    Queue queue = session.createQueue(queueName);
                    MessageConsumer consumer = session.createConsumer(queue);
                    MessageProducer delaying = session.createProducer(queue);
                    TextMessage delayed = session.createTextMessage("delayed");
                    requestDelay(delaying, delayed, delay);

                    long sentAt = System.nanoTime();
                    delaying.send(delayed);
                    session.createProducer(queue).send(session.createTextMessage("on time"));

                    assertThat(text(receiveOne(consumer, queueName))).isEqualTo("on time");
                    assertThat(text(receiveOne(consumer, queueName))).isEqualTo("delayed");
                    long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
                    assertThat(waitedMillis).isGreaterThanOrEqualTo(delay.toMillis() - 50);
                }
            }
        }

        @Test
        @DisplayName("with priority ordering, waiting messages of higher priority are delivered first")
        void higherPriorityFirst() throws JMSException {
            try (EmbeddedJmsBroker broker = builderWithPriorityOrdering().build()) {
                broker.start();
                String queueName = uniqueQueue("priority");
                try (Connection connection = broker.connectionFactory().createConnection()) {
                    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    MessageProducer producer = session.createProducer(session.createQueue(queueName));
                    for (String text : numbered("low", 3)) {
                        producer.send(session.createTextMessage(text), DeliveryMode.PERSISTENT, 1, 0);
                    }
                    for (String text : numbered("high", 3)) {
                        producer.send(session.createTextMessage(text), DeliveryMode.PERSISTENT, 9, 0);
                    }
                }

                assertThat(receive(broker.connectionFactory(), queueName, 6))
                        .containsExactly("high-1", "high-2", "high-3", "low-1", "low-2", "low-3");
            }
        }

        @Test
        @DisplayName("beyond the send limit a send fails at once, other destinations still accept, and consuming makes room")
        void sendsBeyondTheLimitFail() throws JMSException {
            long limit = 16 * 1024;
            try (EmbeddedJmsBroker broker = builder().failSendsBeyond(limit).build()) {
                broker.start();
                String fullName = uniqueQueue("full");
                try (Connection connection = broker.connectionFactory().createConnection()) {
                    connection.start();
                    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    Queue full = session.createQueue(fullName);
                    MessageProducer producer = session.createProducer(full);

                    int accepted = 0;
                    JMSException refusal = null;
                    while (refusal == null && accepted < 100) {
                        try {
                            producer.send(kilobyte(session));
                            accepted++;
                        } catch (JMSException e) {
                            refusal = e;
                        }
                    }

                    assertThat(refusal).as("a send refused within 100 KiB to a %d-byte destination", limit).isNotNull();
                    assertThat(accepted).isPositive();
                    assertDestinationFull(refusal);
                    Queue other = session.createQueue(uniqueQueue("other"));
                    assertThatCode(() -> session.createProducer(other).send(kilobyte(session))).doesNotThrowAnyException();

                    MessageConsumer consumer = session.createConsumer(full);
                    for (int i = 0; i < accepted; i++) {
                        receiveOne(consumer, fullName);
                    }
                    // the broker frees the room as acknowledgements arrive; 10 s is far from a hang's symptom of never
                    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                            .untilAsserted(() -> producer.send(kilobyte(session)));
                }
            }
        }

        private BytesMessage kilobyte(Session session) throws JMSException {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(new byte[1024]);
            return message;
        }
    }

    static List<String> numbered(String prefix, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            texts.add(prefix + "-" + i);
        }
        return texts;
    }

    static int portOf(EmbeddedJmsBroker broker) {
        String url = broker.brokerUrl();
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }
}
