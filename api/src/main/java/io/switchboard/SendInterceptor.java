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
