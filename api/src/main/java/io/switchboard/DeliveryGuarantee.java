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
 * What a successful send promises. Each binding maps the guarantee to its broker's real settings and fails
 * at creation with {@link Reason#UNSUPPORTED} when it cannot keep it.
 */
public enum DeliveryGuarantee {
    /** Never duplicated, may be lost: the send does not wait for durable storage and is never retried. */
    AT_MOST_ONCE,
    /** Never lost once acknowledged, may be duplicated by retries. The default. */
    AT_LEAST_ONCE,
    /** Acknowledged messages are written once even when the client retries (idempotent producer, broker dedup). */
    EFFECTIVELY_ONCE
}
