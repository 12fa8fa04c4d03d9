package io.switchboard.jms;

import io.switchboard.Destination;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Reads a queue with a plain JMS {@link QueueBrowser} of the broker's own provider, never through Switchboard: the
 * body bytes of each {@link BytesMessage}, its {@code JMSXGroupID} as the key, its string properties decoded with
 * {@link JmsHeaderNames#decode} (without the properties JMS and the provider add), its priority, timestamp, and its
 * place in the queue. Browsing leaves the queue as it is, and, like a consumer, skips expired messages.
 */
final class JmsProbe {
    private static final long POLL_NANOS = Duration.ofMillis(25).toNanos();

    private final ConnectionFactory factory;
    private final String user;
    private final String password;
    private final Consumer<String> beforeBrowsing;

    /**
     * @param beforeBrowsing called with the queue name before each browse, for a broker that must be told to let a
     *                       browser see the whole queue
     */
    JmsProbe(ConnectionFactory factory, String user, String password, Consumer<String> beforeBrowsing) {
        this.factory = factory;
        this.user = user;
        this.password = password;
        this.beforeBrowsing = beforeBrowsing;
    }

    /** Browses until {@code expected} messages are there or the timeout passed, and returns what was there last. */
    List<ProbedJms> read(Destination destination, int expected, Duration timeout) {
        if (destination.kind() == Destination.Kind.TOPIC) {
            throw new UnsupportedOperationException("a topic keeps nothing for a browser; read it with a subscriber");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ProbedJms> found = browse(destination.name());
            if (found.size() >= expected || System.nanoTime() - deadline >= 0) {
                return found;
            }
            LockSupport.parkNanos(Math.min(POLL_NANOS, Math.max(1, deadline - System.nanoTime())));
        }
    }

    private List<ProbedJms> browse(String queue) {
        beforeBrowsing.accept(queue);
        try (Connection connection = factory.createConnection(user, password)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            List<ProbedJms> found = new ArrayList<>();
            try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements()) {
                    Message message = (Message) messages.nextElement();
                    if (message.getJMSExpiration() != 0 && message.getJMSExpiration() <= System.currentTimeMillis()) {
                        continue; // a consumer would not get it; the broker drops it when it notices
                    }
                    found.add(probed(message, found.size()));
                }
            }
            return found;
        } catch (JMSException e) {
            throw new IllegalStateException("the probe could not browse queue " + queue + ": " + e, e);
        }
    }

    private static ProbedJms probed(Message message, int position) throws JMSException {
        byte[] body;
        if (message instanceof BytesMessage bytes) {
            body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
        } else {
            throw new IllegalStateException("expected a BytesMessage, found " + message.getClass().getName());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            if (!addedByJmsOrProvider(name)) {
                Object value = message.getObjectProperty(name);
                properties.put(name, value);
                headers.put(JmsHeaderNames.decode(name), JmsHeaderValues.decode(String.valueOf(value)));
            }
        }
        return new ProbedJms(message.getStringProperty("JMSXGroupID"), body, headers, properties, position,
                message.getJMSTimestamp() == 0 ? null : Instant.ofEpochMilli(message.getJMSTimestamp()),
                message.getJMSPriority(), message.getJMSDeliveryMode(), message.getJMSExpiration(),
                message.getJMSMessageID());
    }

    /** JMSX* and JMS_* belong to JMS and providers; Artemis keeps its own (large message size) under _AMQ_. */
    private static boolean addedByJmsOrProvider(String name) {
        return name.startsWith("JMS") || name.startsWith("_AMQ_") || name.startsWith("__AMQ");
    }

    /**
     * One browsed message.
     *
     * @param key          JMSXGroupID
     * @param value        the body
     * @param headers      the string properties, decoded
     * @param properties   the same properties as the broker holds them, names and values not decoded
     * @param position     the place in the queue, from 0
     * @param timestamp    JMSTimestamp
     * @param priority     JMSPriority
     * @param deliveryMode JMSDeliveryMode
     * @param expiration   JMSExpiration
     * @param messageId    JMSMessageID
     */
    record ProbedJms(String key, byte[] value, Map<String, String> headers, Map<String, Object> properties,
                     int position, Instant timestamp, int priority, int deliveryMode, long expiration,
                     String messageId) {

        String valueAsString() {
            return new String(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
