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

import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.Receipt;

/**
 * How one send of a case ended, once its future finished.
 *
 * @param value   the value the case sent (its identity in the probe's results)
 * @param receipt the receipt when the send was acknowledged, else null
 * @param error   the failure when it was not, else null
 */
record Outcome(String value, Receipt receipt, MessagingException error) {

    /** Whether the broker acknowledged the message. */
    boolean acknowledged() {
        return error == null;
    }

    /** The failure's reason, or null when acknowledged. */
    Reason reason() {
        return error == null ? null : error.reason();
    }

    /** Whether the send failed with a reason that promises the message was not written. */
    boolean knownNotWritten() {
        return error != null && !error.mayHaveBeenWritten();
    }
}
