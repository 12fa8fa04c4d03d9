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
package io.switchboard.tck;

import io.switchboard.Producer;
import io.switchboard.ProducerSettings;

import java.time.Duration;
import java.util.Map;

/**
 * Makes acknowledgements wait, so that a case can fill the producer's buffer: by stopping the broker when the
 * fixture offers broker control, otherwise by a long {@code switchboard.linger} that keeps records in the binding
 * until a flush. Ending the stall starts the broker again or flushes.
 */
final class Stall {
    /** The linger used when the broker cannot be stopped. */
    static final Duration LINGER = Duration.ofSeconds(20);

    private final CaseScope scope;
    private final boolean byBroker;

    Stall(CaseScope scope) {
        this.scope = scope;
        this.byBroker = scope.brokerControl().isPresent();
    }

    /** The settings a stalled producer needs: a delivery timeout that outlasts the case, and the linger if used. */
    Map<String, String> settings() {
        return byBroker ? Map.of(ProducerSettings.DELIVERY_TIMEOUT, "40s")
                : Map.of(ProducerSettings.DELIVERY_TIMEOUT, "40s", ProducerSettings.LINGER, LINGER.toMillis() + "ms");
    }

    /** Whether the stall stops the broker (rather than relying on the binding's linger). */
    boolean byBroker() {
        return byBroker;
    }

    /** How the stall works, for assumption messages. */
    String how() {
        return byBroker ? "the broker was stopped" : "switchboard.linger=" + LINGER.toSeconds() + "s was set";
    }

    /** Starts the stall: stops the broker if the fixture can. */
    void begin() {
        if (byBroker) {
            scope.stopBroker();
        }
    }

    /** Ends the stall for {@code producer}: starts the broker again, or asks the binding to send what it holds. */
    void end(Producer<?> producer) {
        if (byBroker) {
            scope.startBroker();
        } else {
            release(producer);
        }
    }

    /** Lets through what a lingering binding holds; a no-op when the broker was stopped and started again. */
    void release(Producer<?> producer) {
        if (!byBroker) {
            ContractPart.flushInBound(producer, ContractPart.FLUSH_TIMEOUT);
        }
    }
}
