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
 * An optional feature a binding may offer. A binding claims a set of capabilities; using a feature that is
 * not claimed fails with {@link Reason#UNSUPPORTED} before anything is sent, never silently.
 */
public enum Capability {
    /** Destinations have numbered partitions; receipts report them; round-robin and custom partitioners work. */
    PARTITIONS,
    /** Point-to-point queues, distinct from topics ({@link Destination.Kind#QUEUE}). */
    QUEUES,
    /** The message's own timestamp ({@link Message#timestamp()}) reaches the broker. */
    TIMESTAMPS,
    /** Delivery delay: consumers see the message no earlier than {@link Message#deliveryDelay()}. */
    DELIVERY_DELAY,
    /** Per-message time to live: the broker drops the message once {@link Message#timeToLive()} passes. */
    TIME_TO_LIVE,
    /** Per-message priority ({@link Message#priority()}). */
    PRIORITY,
    /** {@link DeliveryGuarantee#AT_MOST_ONCE}. */
    AT_MOST_ONCE,
    /** {@link DeliveryGuarantee#EFFECTIVELY_ONCE}: retries inside the client never duplicate. */
    EFFECTIVELY_ONCE
}
