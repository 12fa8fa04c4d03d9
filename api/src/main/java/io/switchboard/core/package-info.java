/**
 * The core producer: the one implementation of {@link io.switchboard.Producer} that wraps a binding's
 * {@link io.switchboard.spi.ProducerBackend} and owns everything portable (validation, serialization,
 * partitioning, flow control, timeouts, retries, dead letters, close). Not an API: applications and bindings
 * never use these classes directly, and they may change in any release.
 */
package io.switchboard.core;
