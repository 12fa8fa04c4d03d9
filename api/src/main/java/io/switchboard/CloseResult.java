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
 * What {@link Producer#close(java.time.Duration)} did.
 *
 * @param abandoned how many messages accepted before the close did not end acknowledged: failed by the close when its
 *                  time ran out ({@link Reason#OUTCOME_UNKNOWN} or {@link Reason#CLOSED}), or failed by the binding
 *                  while it closed
 */
public record CloseResult(long abandoned) {
    /** Validates the count. */
    public CloseResult {
        if (abandoned < 0) {
            throw new IllegalArgumentException("abandoned must be 0 or more, was " + abandoned);
        }
    }

    /** Whether every accepted message was finished before the producer closed. */
    public boolean isClean() {
        return abandoned == 0;
    }
}
