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
package io.switchboard.spring;

import io.switchboard.MessagingException;
import io.switchboard.Reason;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * When the application cannot start because of Switchboard (a producer refused its settings, or its broker during
 * start-up), says so in Spring Boot's start-up report: Switchboard's own message (for a setting: which key, which
 * value, what was expected) and what to do.
 */
class SwitchboardFailureAnalyzer extends AbstractFailureAnalyzer<MessagingException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MessagingException cause) {
        boolean setting = cause.reason() == Reason.INVALID_ARGUMENT || cause.reason() == Reason.UNSUPPORTED;
        return new FailureAnalysis("Switchboard failed while the application started (" + cause.reason() + "): "
                + cause.getMessage(),
                setting ? "Change the setting it names under switchboard.* in the application's properties (a key "
                        + "switchboard.x.y is switchboard.x.y there, or SWITCHBOARD_X_Y as an environment variable)."
                        : "Check that the broker is reachable and accepts the application's credentials; the message "
                        + "says what Switchboard saw.",
                cause);
    }
}
