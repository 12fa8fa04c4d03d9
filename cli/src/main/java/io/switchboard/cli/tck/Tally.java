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

import java.util.List;
import java.util.Locale;

/** How many cases passed, failed and were skipped. */
record Tally(long passed, long failed, long skipped) {

    static Tally of(List<CaseResult> results) {
        return new Tally(count(results, CaseResult.Status.PASSED), count(results, CaseResult.Status.FAILED),
                count(results, CaseResult.Status.SKIPPED));
    }

    String summary() {
        return String.format(Locale.ROOT, "%d passed, %d failed, %d skipped of %d", passed, failed, skipped,
                passed + failed + skipped);
    }

    private static long count(List<CaseResult> results, CaseResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
