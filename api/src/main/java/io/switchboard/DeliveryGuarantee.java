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
