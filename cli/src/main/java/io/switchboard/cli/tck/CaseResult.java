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
package io.switchboard.cli.tck;

import java.time.Duration;

/**
 * One case of a kit run as the report shows it.
 *
 * @param group    the part of the contract, as the kit names it
 * @param sentence the case's sentence (its display name)
 * @param status   passed, failed or skipped
 * @param reason   why it failed or was skipped; empty when it passed
 * @param took     how long it ran
 */
record CaseResult(String group, String sentence, Status status, String reason, Duration took) {

    /** How a case ended. */
    enum Status {
        PASSED("pass"), FAILED("FAIL"), SKIPPED("skipped");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }
}
