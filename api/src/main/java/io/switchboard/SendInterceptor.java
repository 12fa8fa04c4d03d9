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
}
