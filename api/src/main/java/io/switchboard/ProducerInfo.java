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
 * What an interceptor may know of the producer it observes (see {@link SendInterceptor#onStart}): which binding and
 * client it is, and how full its buffer is, for metrics such as in-flight gauges. The buffer figures are read live.
 */
public interface ProducerInfo {

    /** The binding's name, e.g. {@code kafka}. */
    String binding();

    /** The producer's client id ({@code switchboard.client-id}, or the one it was given). */
    String clientId();

    /** Messages accepted and not yet let go of: unfinished, or finished while the client still holds them. */
    long bufferedMessages();

    /** Bytes (serialized values) of the messages accepted and not yet finished. */
    long bufferedBytes();

    /** The buffer's bound in messages ({@code switchboard.buffer.max-messages}). */
    long bufferLimitMessages();

    /** The buffer's bound in bytes ({@code switchboard.buffer.max-bytes}). */
    long bufferLimitBytes();
}
