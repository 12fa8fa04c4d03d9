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
