package io.switchboard.embedded.pulsar;

/**
 * Thrown when the embedded broker cannot do what was asked: start, stop, or create a topic.
 *
 * <p>The message says what failed; the cause, when there is one, is Pulsar's or BookKeeper's own exception.
 */
public class EmbeddedPulsarException extends RuntimeException {

    /**
     * Creates an exception with a message and the exception that caused it.
     *
     * @param message what failed
     * @param cause   the underlying exception, may be {@code null}
     */
    public EmbeddedPulsarException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception with a message only.
     *
     * @param message what failed
     */
    public EmbeddedPulsarException(String message) {
        super(message);
    }
}
