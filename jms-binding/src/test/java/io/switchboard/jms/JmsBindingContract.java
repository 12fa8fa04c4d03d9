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

import io.switchboard.DeliveryGuarantee;
import io.switchboard.Destination;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerBuilder;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.Serializer;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import io.switchboard.embedded.jms.EmbeddedJmsBroker;
import io.switchboard.tck.BrokerControl;
import io.switchboard.tck.jms.JmsProbe;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static io.switchboard.ProducerSettings.DELIVERY_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What the JMS binding promises beyond the compatibility kit, checked on a real broker with the provider's own
 * client: the mappings, the errors, the reconnection and the bounds. Each broker's test class says only how to
 * provoke what it does differently.
 */
abstract class JmsBindingContract {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36);
    /** What a bounded call may take beyond its bound on a busy machine before it counts as a hang. */
    static final Duration MARGIN = Duration.ofSeconds(3);

    private final List<Producer<?>> producers = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private ConnectionFactory factory;
    private JmsProbe probe;

    /** The shared broker of the subclass. */
    abstract EmbeddedJmsBroker broker();

    /** A new factory of the broker's provider for {@code url} (closed after the test if it holds resources). */
    abstract ConnectionFactory newFactory(String url);

    /** A URL of the broker whose transport reconnects without a time limit, so that a send during an outage waits. */
    abstract String reconnectingUrlWithoutTimeout();

    /** A URL of the broker whose transport reconnects, and gives a waiting send up after about half a second. */
    abstract String reconnectingUrlGivingUpSoon();

    /** JNDI properties of the provider that define a connection factory named {@code name} for the broker. */
    abstract Map<String, String> jndiDefining(String name);

    /** A destination the broker will not create, after whatever set-up it takes with {@code producer}. */
    abstract Destination destinationTheBrokerWillNotCreate(Producer<String> producer);

    /** The size of messages that fill a destination (the broker's limit is {@link TestBrokers#ROOM_BYTES}). */
    abstract int fillingMessageSize();

    /** What the broker needs before a browser sees a whole queue. */
    abstract Consumer<String> beforeBrowsing();

    /** The factory the probe browses with. */
    abstract ConnectionFactory probeFactory();

    @AfterEach
    void cleanUp() throws Exception {
        broker().start(); // a case that stopped the broker leaves it running for the next
        for (Producer<?> producer : producers) {
            producer.close(Duration.ofSeconds(5));
        }
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    // --------------------------------------------------------------------------------------------- mappings

    @Nested
    @DisplayName("Mappings, as a plain JMS client sees them")
    class Mappings {

        @Test
        @DisplayName("the value is a BytesMessage body, the key JMSXGroupID, headers string properties under encoded names")
        void valueKeyAndHeadersMapToJms() {
            Destination d = Destination.of(unique("mapping"));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("content-type", "application/octet-stream");
            headers.put("tenant.id", "t-1");
            headers.put("a_DOT_b", "literal");
            headers.put("greeting", "grüße 🌍");
            byte[] value = {0, 1, 2, (byte) 0xFF, 10, 13};
            producer(Serializers.bytes()).send(Message.to(d).key("customer-42").headers(headers).value(value));

            JmsProbe.ProbedJms read = probe().read(d, 1, Duration.ofSeconds(10)).get(0);
            assertThat(read.value()).containsExactly(value);
            assertThat(read.key()).isEqualTo("customer-42");
            assertThat(read.properties()).containsOnlyKeys("content_HYPHEN_type", "tenant_DOT_id", "a_u005F_DOT_b",
                    "greeting");
            assertThat(read.properties().get("tenant_DOT_id")).isEqualTo("t-1");
            assertThat(read.headers()).isEqualTo(headers);
            assertThat(read.deliveryMode()).as("at-least-once sends persistent messages").isEqualTo(DeliveryMode.PERSISTENT);
            assertThat(read.priority()).isEqualTo(jakarta.jms.Message.DEFAULT_PRIORITY);
            assertThat(read.expiration()).isZero();
        }

        @Test
        @DisplayName("a header JMS reserves or a selector keyword fails INVALID_ARGUMENT naming it, and nothing is sent")
        void reservedHeaderNamesAreRefused() {
            Destination d = Destination.of(unique("reserved"));
            Producer<String> producer = producer();
            for (String name : List.of("JMSType", "JMSXUserID", "JMS_Vendor", "NULL", "between", "Is")) {
                CompletableFuture<Receipt> refused = producer.sendAsync(Message.to(d).header(name, "x").value("refused"));
                MessagingException e = failure(refused, Duration.ofSeconds(5));
                assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
                assertThat(e.getMessage()).contains("\"" + name + "\"").containsAnyOf("JMS reserves", "selector");
            }
            producer.send(Message.to(d).value("sentinel"));
            assertThat(values(probe().read(d, 1, Duration.ofSeconds(10)))).containsExactly("sentinel");
        }

        @Test
        @DisplayName("at-most-once sends non-persistent messages")
        void atMostOnceIsNonPersistent() {
            Destination d = Destination.of(unique("at-most-once"));
            producer(ProducerSettings.GUARANTEE, "at-most-once").send(Message.to(d).value("fleeting"));
            JmsProbe.ProbedJms read = probe().read(d, 1, Duration.ofSeconds(10)).get(0);
            assertThat(read.deliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        }

        @Test
        @DisplayName("priority and time to live become JMSPriority and JMSExpiration")
        void priorityAndTimeToLiveReachTheBroker() {
            Destination d = Destination.of(unique("priority-ttl"));
            long before = System.currentTimeMillis();
            producer().send(Message.to(d).priority(9).timeToLive(Duration.ofMinutes(1)).value("urgent"));
            JmsProbe.ProbedJms read = probe().read(d, 1, Duration.ofSeconds(10)).get(0);
            assertThat(read.priority()).isEqualTo(9);
            assertThat(read.expiration()).isBetween(before + 60_000, System.currentTimeMillis() + 60_000);
        }

        @Test
        @DisplayName("a consumer gets higher priorities first")
        void priorityDecidesDeliveryOrder() throws JMSException {
            Destination d = Destination.of(unique("priority-order"));
            Producer<String> producer = producer();
            producer.send(Message.to(d).priority(1).value("low"));
            producer.send(Message.to(d).priority(9).value("high"));
            assertThat(consume(d, 2)).containsExactly("high", "low");
        }

        @Test
        @DisplayName("a consumer never gets a message whose time to live has passed")
        void expiredMessagesAreNotDelivered() throws JMSException {
            Destination d = Destination.of(unique("expiry"));
            Producer<String> producer = producer();
            Duration ttl = Duration.ofMillis(300);
            Receipt shortLived = producer.send(Message.to(d).timeToLive(ttl).value("short-lived"));
            producer.send(Message.to(d).value("long-lived"));
            // the expiration the provider stamped at its send, not one guessed before it: on a loaded machine the
            // lane may send well after this thread asked, and the message then lives that much longer
            long expires = shortLived.unwrap(jakarta.jms.Message.class).getJMSExpiration();
            assertThat(expires).as("JMSExpiration of a message with a time to live").isPositive();
            await("the time to live passes").atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() > expires);
            assertThat(consume(d, 1)).containsExactly("long-lived");
        }

        @Test
        @DisplayName("queues are the default kind; a topic destination reaches the topic's subscribers")
        void queuesByDefaultTopicsOnRequest() throws JMSException {
            String name = unique("kinds");
            Producer<String> producer = producer();
            producer.send(Message.to(Destination.of(name)).value("default"));
            producer.send(Message.to(Destination.queue(name)).value("queue"));
            assertThat(values(probe().read(Destination.of(name), 2, Duration.ofSeconds(10)))).containsExactly("default", "queue");

            String topic = unique("topic");
            try (Connection connection = factory().createConnection(TestBrokers.USER, TestBrokers.PASSWORD)) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer subscriber = session.createConsumer(session.createTopic(topic));
                producer.send(Message.to(Destination.topic(topic)).value("published"));
                assertThat(text(subscriber.receive(10_000))).isEqualTo("published");
            }
        }

        @Test
        @DisplayName("a receipt carries JMSMessageID and JMSTimestamp, no partition or offset, and unwraps to the JMS message")
        void receiptDescribesTheJmsMessage() throws JMSException {
            Destination d = Destination.of(unique("receipt"));
            Receipt receipt = producer().send(Message.to(d).key("k").value("v"));
            JmsProbe.ProbedJms read = probe().read(d, 1, Duration.ofSeconds(10)).get(0);
            assertThat(receipt.messageId()).hasValue(read.messageId());
            assertThat(receipt.timestamp()).hasValue(read.timestamp());
            assertThat(receipt.partition()).isEmpty();
            assertThat(receipt.offset()).isEmpty();
            assertThat(receipt.destination()).isEqualTo(d);
            assertThat(receipt.unwrap(jakarta.jms.Message.class).getJMSMessageID()).isEqualTo(read.messageId());
        }
    }

    // ------------------------------------------------------------------------------------------- configuration

    @Nested
    @DisplayName("Configuration")
    class Configuration {

        @Test
        @DisplayName("the connection factory can come from the provider's JNDI properties under jms.jndi.*")
        void factoryFromJndi() {
            Destination d = Destination.of(unique("jndi"));
            Map<String, String> keys = new LinkedHashMap<>();
            jndiDefining("orders-factory").forEach((key, value) -> keys.put("jms.jndi." + key, value));
            keys.put("jms.connection-factory", "orders-factory");
            Producer<String> producer = track(Switchboard.builder(Serializers.string())
                    .property(ProducerSettings.BINDING, "jms")
                    .property("jms.user", TestBrokers.USER)
                    .property("jms.password", TestBrokers.PASSWORD)
                    .properties(keys)
                    .build());
            producer.send(Message.to(d).value("via-jndi"));
            assertThat(values(probe().read(d, 1, Duration.ofSeconds(10)))).containsExactly("via-jndi");
            assertThat(producer.unwrap(ConnectionFactory.class)).isNotNull();
        }

        @Test
        @DisplayName("unwrap() reaches the factory given in code and the live connection, nothing else")
        void unwrapReachesFactoryAndConnection() throws JMSException {
            Producer<String> producer = producer();
            assertThat(producer.unwrap(ConnectionFactory.class)).isSameAs(factory());
            assertThat(producer.unwrap(factory().getClass())).isSameAs(factory());
            Connection connection = producer.unwrap(Connection.class);
            assertThat(connection.getMetaData().getJMSProviderName()).isNotBlank();
            assertThat(catchThrowable(() -> producer.unwrap(Session.class)))
                    .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED));
        }
    }

    // ------------------------------------------------------------------------------------------------ errors

    @Nested
    @DisplayName("Errors, provoked on the broker")
    class Errors {

        @Test
        @DisplayName("wrong credentials fail UNAUTHENTICATED at creation, in bound, without showing the password")
        void wrongCredentialsFailUnauthenticated() {
            String wrong = "not-the-password-" + RUN;
            try (CapturedLogs logs = CapturedLogs.of("io.switchboard")) {
                MessagingException e = thrown(() -> builder(Serializers.string()).property("jms.password", wrong).build(),
                        Duration.ofSeconds(10));
                assertThat(e.reason()).isEqualTo(Reason.UNAUTHENTICATED);
                assertThat(e.getCause()).isInstanceOf(JMSSecurityException.class);
                assertThat(e.getMessage()).doesNotContain(wrong);
                assertThat(String.valueOf(e)).doesNotContain(wrong);
                assertThat(logs.text()).doesNotContain(wrong);
            }
            assertThat(producer().toString()).doesNotContain(TestBrokers.PASSWORD);
        }

        @Test
        @DisplayName("a send the broker does not allow fails PERMISSION_DENIED, and the producer goes on")
        void forbiddenSendFailsPermissionDenied() {
            Producer<String> producer = track(builder(Serializers.string())
                    .property("jms.user", TestBrokers.INTRUDER).property("jms.password", TestBrokers.INTRUDER_PASSWORD).build());
            MessagingException e = thrownBy(() -> producer.send(Message.to(TestBrokers.FORBIDDEN).value("refused")));
            assertThat(e.reason()).isEqualTo(Reason.PERMISSION_DENIED);
            assertThat(e.mayHaveBeenWritten()).isFalse();
            assertThat(e.getCause()).isInstanceOf(JMSSecurityException.class);
            Destination allowed = Destination.of(unique("allowed"));
            producer.send(Message.to(allowed).value("fine"));
            assertThat(values(probe().read(allowed, 1, Duration.ofSeconds(10)))).containsExactly("fine");
        }

        @Test
        @DisplayName("at-most-once: a send the broker refuses still succeeds, since the provider does not wait (documented)")
        void atMostOnceCannotSeeRefusals() {
            String value = unique("refused-unseen");
            Producer<String> producer = track(builder(Serializers.string(), ProducerSettings.GUARANTEE, "at-most-once")
                    .property("jms.user", TestBrokers.INTRUDER).property("jms.password", TestBrokers.INTRUDER_PASSWORD).build());
            producer.send(Message.to(TestBrokers.FORBIDDEN).value(value));
            producer.send(Message.to(TestBrokers.FORBIDDEN).value("second"));
            assertThat(values(probe().read(Destination.of(TestBrokers.FORBIDDEN), Integer.MAX_VALUE, Duration.ZERO)))
                    .doesNotContain(value);
        }

        @Test
        @DisplayName("a destination the broker will not create fails NOT_FOUND")
        void missingDestinationFailsNotFound() {
            Producer<String> producer = producer();
            Destination missing = destinationTheBrokerWillNotCreate(producer);
            MessagingException e = thrownBy(() -> producer.send(Message.to(missing).value("lost")));
            assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
            assertThat(e.getCause()).isInstanceOf(InvalidDestinationException.class);
        }

        @Test
        @DisplayName("a full destination fails BUFFER_FULL, known not written, and keeps what it acknowledged")
        void fullDestinationFailsBufferFull() {
            Destination d = Destination.of(unique("full"));
            Producer<byte[]> producer = producer(Serializers.bytes(), ProducerSettings.MAX_MESSAGE_SIZE, "2MiB");
            byte[] chunk = new byte[fillingMessageSize()];
            int acknowledged = 0;
            MessagingException refused = null;
            while (refused == null && (long) acknowledged * chunk.length < 4 * TestBrokers.ROOM_BYTES) {
                try {
                    producer.send(Message.to(d).value(chunk));
                    acknowledged++;
                } catch (MessagingException e) {
                    refused = e;
                }
            }
            assertThat(refused).as("a send refused after " + acknowledged + " acknowledged").isNotNull();
            assertThat(refused.reason()).isEqualTo(Reason.BUFFER_FULL);
            assertThat(refused.mayHaveBeenWritten()).isFalse();
            assertThat(probe().read(d, acknowledged + 1, Duration.ofSeconds(1))).hasSize(acknowledged);
        }

        @Test
        @DisplayName("a broker that cannot be reached fails the creation UNAVAILABLE, in bound")
        void unreachableBrokerFailsCreation() {
            ConnectionFactory nowhere = resource(newFactory("tcp://127.0.0.1:" + FreePort.pick()));
            MessagingException e = thrown(() -> builder(Serializers.string())
                    .resource(ConnectionFactory.class, nowhere).property(DELIVERY_TIMEOUT, "5s").build(), Duration.ofSeconds(5));
            assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        }

        @Test
        @DisplayName("a provider that waits for ever to connect cannot hold the creation beyond the delivery timeout")
        void creationIsBoundedByTheDeliveryTimeout() {
            ConnectionFactory patient = resource(newFactory(reconnectingUrlWithoutTimeout()));
            broker().stop();
            Duration timeout = Duration.ofSeconds(1);
            MessagingException e = thrown(() -> builder(Serializers.string()).resource(ConnectionFactory.class, patient)
                    .property(DELIVERY_TIMEOUT, timeout.toMillis() + "ms").build(), timeout);
            assertThat(e.reason()).isIn(Reason.TIMEOUT, Reason.UNAVAILABLE);
        }
    }

    // ------------------------------------------------------------------------------------------------ outages

    @Nested
    @DisplayName("Outages")
    class Outages {

        @Test
        @DisplayName("a send while the connection is lost fails as not written; the binding reconnects once the broker is back")
        void reconnectsAfterTheBrokerReturns() {
            Destination d = Destination.of(unique("reconnect"));
            try (CapturedLogs logs = CapturedLogs.of("io.switchboard")) {
                // 5 s gives a deadline margin of 500 ms (DeadlineMargin): the binding's own answer (UNAVAILABLE, or
                // TIMEOUT from the expiry watch while the lane is inside the provider) must beat the core's
                // OUTCOME_UNKNOWN at the deadline, which a loaded scheduler could not promise within 50-200 ms
                Duration timeout = Duration.ofSeconds(5);
                Producer<String> producer = producer(DELIVERY_TIMEOUT, timeout.toMillis() + "ms");
                producer.send(Message.to(d).key("k").value("before"));
                Connection first = producer.unwrap(Connection.class);
                broker().stop();
                // once the provider has told the binding, a send cannot have been written
                await("the binding hears of the lost connection").atMost(Duration.ofSeconds(10))
                        .until(() -> logs.text().contains("lost its JMS connection"));
                MessagingException during = failure(producer.sendAsync(Message.to(d).key("k").value("during")),
                        timeout.plus(MARGIN));
                assertThat(during.reason()).isIn(Reason.UNAVAILABLE, Reason.TIMEOUT);
                broker().start();
                // each try may take up to the delivery timeout while the restarted broker comes up, and a call the
                // client made meanwhile may hold the lane until the client's own call timeout (Artemis: 30 s)
                await("a send after the restart is acknowledged").atMost(BrokerControl.RECOVERY_PATIENCE).ignoreExceptions()
                        .until(() -> producer.send(Message.to(d).key("k").value("after")) != null);
                assertThat(producer.unwrap(Connection.class)).isNotSameAs(first);
                assertThat(values(probe().read(d, 2, Duration.ofSeconds(10)))).contains("before", "after").doesNotContain("during");
                assertThat(logs.text()).contains("lost its JMS connection").doesNotContain(TestBrokers.PASSWORD);
            }
        }

        @Test
        @DisplayName("a send held inside a provider that waits for ever blocks no caller, ends by the deadline, and close stays bounded")
        void providerThatWaitsForEverCannotHoldTheProducer() throws Exception {
            Destination d = Destination.of(unique("held"));
            // 5 s gives a deadline margin of 500 ms (DeadlineMargin) for the expiry watch to fail the queued sends
            // TIMEOUT before the core's deadline says OUTCOME_UNKNOWN, even with the watch's thread descheduled
            Duration timeout = Duration.ofSeconds(5);
            // a sendAsync that waited for the held send would wait for the delivery timeout, or for max-block
            // (room in the buffer): both are far above this bound, which only a descheduled thread comes near
            Duration callBound = Duration.ofMillis(2500);
            ConnectionFactory patient = resource(newFactory(reconnectingUrlWithoutTimeout()));
            Producer<String> producer = track(builder(Serializers.string()).resource(ConnectionFactory.class, patient)
                    .property(DELIVERY_TIMEOUT, timeout.toMillis() + "ms")
                    .property(ProducerSettings.MAX_BLOCK, "60s").build());
            producer.send(Message.to(d).key("k").value("before"));
            broker().stop();

            List<CompletableFuture<Receipt>> held = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long callStart = System.nanoTime();
                held.add(producer.sendAsync(Message.to(d).key("k").value("held-" + i)));
                assertThat(Duration.ofNanos(System.nanoTime() - callStart)).as("sendAsync call %d", i).isLessThan(callBound);
            }
            // every deadline is at most the delivery timeout after the last call; the core ends each send at its
            // deadline, and may be that late again on a loaded machine. A send held for ever would never end.
            long lastCall = System.nanoTime();
            Duration lateness = callBound.compareTo(Duration.ofSeconds(1)) > 0 ? callBound : Duration.ofSeconds(1);
            CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).handle((r, e) -> null)
                    .get(timeout.plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - lastCall)).as("time to the last outcome")
                    .isLessThan(timeout.plus(lateness));
            assertThat(failure(held.get(0), Duration.ZERO).reason()).as("the send inside the provider")
                    .isEqualTo(Reason.OUTCOME_UNKNOWN);
            for (CompletableFuture<Receipt> queued : held.subList(1, held.size())) {
                assertThat(failure(queued, Duration.ZERO).reason()).as("a send queued behind it").isEqualTo(Reason.TIMEOUT);
            }
            Duration closeTimeout = Duration.ofSeconds(1);
            assertTimeoutPreemptively(closeTimeout.plus(MARGIN), () -> producer.close(closeTimeout),
                    "close() waited for the provider");
        }

        @Test
        @DisplayName("a send the provider's reconnecting transport gives up on is OUTCOME_UNKNOWN, and sending resumes after")
        void sendGivenUpByTheProviderIsOutcomeUnknown() {
            Destination d = Destination.of(unique("given-up"));
            ConnectionFactory reconnecting = resource(newFactory(reconnectingUrlGivingUpSoon()));
            Producer<String> producer = track(builder(Serializers.string()).resource(ConnectionFactory.class, reconnecting)
                    .property(DELIVERY_TIMEOUT, "10s").build());
            producer.send(Message.to(d).key("k").value("before"));
            broker().stop();
            long start = System.nanoTime();
            MessagingException e = failure(producer.sendAsync(Message.to(d).key("k").value("during")), Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to the provider's own timeout")
                    .isLessThan(Duration.ofSeconds(8));
            assertThat(e.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN);
            assertThat(e.getCause()).isInstanceOf(JMSException.class);
            broker().start();
            await("a send after the restart is acknowledged").atMost(BrokerControl.RECOVERY_PATIENCE).ignoreExceptions()
                    .until(() -> producer.send(Message.to(d).key("k").value("after")) != null);
            assertThat(values(probe().read(d, 2, Duration.ofSeconds(10)))).contains("before", "after");
        }

        @Test
        @DisplayName("close(timeout) fails what was never sent CLOSED, as not written")
        void closeFailsUnsentRecordsClosed() {
            Destination d = Destination.of(unique("closing"));
            try (CapturedLogs logs = CapturedLogs.of("io.switchboard")) {
                Producer<String> producer = producer(DELIVERY_TIMEOUT, "30s");
                producer.send(Message.to(d).key("k").value("before"));
                broker().stop();
                // Before the provider has told the binding, the lane could still try unsent-0 on the dead session
                // and fail it on its own (UNAVAILABLE or OUTCOME_UNKNOWN) before close begins. Once told, the lane
                // only tries to reconnect, which cannot succeed while the broker is down: no send can start, and
                // close finds all three waiting (the 30 s timeout keeps the deadline out of the way).
                await("the binding hears of the lost connection").atMost(Duration.ofSeconds(10))
                        .until(() -> logs.text().contains("lost its JMS connection"));
                List<CompletableFuture<Receipt>> unsent = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    unsent.add(producer.sendAsync(Message.to(d).key("k").value("unsent-" + i)));
                }
                assertThat(producer.close(Duration.ofMillis(500)).abandoned()).isEqualTo(3);
                for (CompletableFuture<Receipt> f : unsent) {
                    MessagingException e = failure(f, Duration.ZERO);
                    assertThat(e.reason()).as("a send that never left the binding").isEqualTo(Reason.CLOSED);
                    assertThat(e.mayHaveBeenWritten()).isFalse();
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    String unique(String hint) {
        return "jms-" + hint + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }

    ConnectionFactory factory() {
        if (factory == null) {
            factory = broker().connectionFactory();
        }
        return factory;
    }

    JmsProbe probe() {
        if (probe == null) {
            probe = new JmsProbe(resource(probeFactory()), TestBrokers.USER, TestBrokers.PASSWORD, beforeBrowsing(),
                    TestBrokers.DECODING);
        }
        return probe;
    }

    Producer<String> producer(String... settings) {
        return producer(Serializers.string(), settings);
    }

    <V> Producer<V> producer(Serializer<V> serializer, String... settings) {
        return track(builder(serializer, settings).build());
    }

    <V> ProducerBuilder<V> builder(Serializer<V> serializer, String... settings) {
        ProducerBuilder<V> builder = Switchboard.builder(serializer)
                .property(ProducerSettings.BINDING, "jms")
                .property(ProducerSettings.GUARANTEE, DeliveryGuarantee.AT_LEAST_ONCE.name().toLowerCase().replace('_', '-'))
                .property("jms.user", TestBrokers.USER)
                .property("jms.password", TestBrokers.PASSWORD)
                .resource(ConnectionFactory.class, factory());
        for (int i = 0; i < settings.length; i += 2) {
            builder.property(settings[i], settings[i + 1]);
        }
        return builder;
    }

    <V> Producer<V> track(Producer<V> producer) {
        producers.add(producer);
        return producer;
    }

    <T> T resource(T object) {
        if (object instanceof AutoCloseable closeable) {
            resources.add(closeable);
        }
        return object;
    }

    /** Receives {@code count} messages with a plain consumer and returns their bodies as text. */
    List<String> consume(Destination d, int count) throws JMSException {
        try (Connection connection = factory().createConnection(TestBrokers.USER, TestBrokers.PASSWORD)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(d.name()));
            List<String> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(text(consumer.receive(10_000)));
            }
            assertThat(consumer.receive(300)).as("a message beyond the " + count + " expected").isNull();
            return out;
        }
    }

    static String text(jakarta.jms.Message message) throws JMSException {
        assertThat(message).as("a message received in time").isNotNull();
        BytesMessage bytes = (BytesMessage) message;
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        return new String(body, StandardCharsets.UTF_8);
    }

    static List<String> values(List<JmsProbe.ProbedJms> read) {
        return read.stream().map(JmsProbe.ProbedJms::valueAsString).toList();
    }

    static MessagingException failure(CompletableFuture<?> future, Duration wait) {
        if (!wait.isZero()) {
            await("the send to finish").atMost(wait).until(future::isDone);
        }
        Throwable error = future.handle((r, e) -> e).getNow(null);
        assertThat(error).as("a send that must have failed").isNotNull();
        Throwable cause = error.getCause() != null && !(error instanceof MessagingException) ? error.getCause() : error;
        assertThat(cause).isInstanceOf(MessagingException.class);
        return (MessagingException) cause;
    }

    static MessagingException thrownBy(ThrowingCallable call) {
        Throwable e = catchThrowable(call);
        assertThat(e).isInstanceOf(MessagingException.class);
        return (MessagingException) e;
    }

    static MessagingException thrown(ThrowingCallable call, Duration bound) {
        long start = System.nanoTime();
        MessagingException e = assertTimeoutPreemptively(bound.plus(MARGIN), () -> thrownBy(call));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound.plus(MARGIN));
        return e;
    }
}
