package io.switchboard.embedded.kafka;

/**
 * An embedded broker could not do what was asked in time: start, stop, create a topic, write an ACL,
 * or Kafka itself hit a fatal error and tried to end the JVM. The message says which node and what
 * was being waited for; the cause, when there is one, is Kafka's own exception.
 */
public class EmbeddedKafkaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, in words a test report can show as is
     */
    public EmbeddedKafkaException(String message) {
        super(message);
    }

    /**
     * @param message what failed, in words a test report can show as is
     * @param cause   the underlying failure, usually from Kafka
     */
    public EmbeddedKafkaException(String message, Throwable cause) {
        super(message, cause);
    }
}
