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

import java.time.Duration;

/** Stops and starts the fixture's broker on the same data, for the outage cases. Both calls are bounded. */
public interface BrokerControl {
    /**
     * How long the kit lets a producer take to send again after {@link #start()}: longer than the clients' own
     * call timeouts (Artemis' call timeout is 30 s), since a client may hold a call it made while the broker was
     * away until that call's own timeout, and a binding cannot end a call inside the client. A binding's own restart
     * tests wait as long; a producer that never recovers still fails.
     */
    Duration RECOVERY_PATIENCE = Duration.ofSeconds(45);

    /** Stops the broker; clients see it as gone until {@link #start()}. Persisted messages survive. */
    void stop();

    /** Starts the broker again on the same data and address, and returns once it accepts clients. */
    void start();

    /** Broker control from two method references, e.g. {@code BrokerControl.of(broker::stop, broker::start)}. */
    static BrokerControl of(Runnable stop, Runnable start) {
        return new BrokerControl() {
            @Override
            public void stop() {
                stop.run();
            }

            @Override
            public void start() {
                start.run();
            }
        };
    }
}
