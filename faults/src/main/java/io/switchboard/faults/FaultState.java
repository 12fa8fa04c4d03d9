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
package io.switchboard.faults;

import java.util.function.BooleanSupplier;

/** The proxy's current fault, which relays wait on while it is {@link Fault#FREEZE}. */
final class FaultState {
    private Fault fault = Fault.PASS;

    synchronized Fault get() {
        return fault;
    }

    synchronized void set(Fault fault) {
        this.fault = fault;
        notifyAll();
    }

    /** Waits while the fault is FREEZE (or until {@code stop} says so); returns the fault then in effect. */
    synchronized Fault awaitNotFrozen(BooleanSupplier stop) {
        while (fault instanceof Fault.Freeze && !stop.getAsBoolean()) {
            try {
                wait(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fault;
            }
        }
        return fault;
    }
}
