package io.switchboard;

/**
 * Observes every send, for metrics and tracing. Register with {@link ProducerBuilder#interceptor}. Called on
 * the sending thread before the message is serialized; an interceptor that throws is logged and skipped, it
 * never fails a send.
 */
@FunctionalInterface
public interface SendInterceptor {

    /**
     * Called once per accepted message before it is sent.
     *
     * @return an observer for this send's outcome (and headers to add), or {@link SendObserver#NONE}
     */
    SendObserver onSend(Message<?> message);

    /**
     * Like {@link #onSend(Message)}, knowing which producer sends: what the producer calls. An interceptor that
     * several producers share (one per registry, say) tells them apart by {@code producer}; by default this is
     * {@code onSend(message)}.
     */
    default SendObserver onSend(ProducerInfo producer, Message<?> message) {
        return onSend(message);
    }

    /**
     * Called once when the producer is built, before its first send: where metrics learn the binding, the client
     * id and the buffer they watch. Must not block.
     */
    default void onStart(ProducerInfo producer) {
    }

    /** Called once when the producer has closed, after every send finished: where gauges are taken away. */
    default void onClose(ProducerInfo producer) {
    }
}
