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
package io.switchboard.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a side-by-side run sends: {@link #PIPELINED}, as fast as the in-flight bound allows (throughput and CPU), or at
 * a fixed rate, a percentage of the native client's median throughput just measured for the same size, with the
 * schedule fixed in advance (latency without coordinated omission, as the OpenMessaging Benchmark measures it).
 *
 * @param mode      {@code pipelined} or {@code rate-<percent>}, as written to the results file
 * @param perSecond the rate, or 0 when pipelined
 */
record RatePhase(String mode, double perSecond) {
    static final RatePhase PIPELINED = new RatePhase("pipelined", 0);

    /** The fixed-rate phases for {@code percents} of {@code nativePerSecond}. */
    static List<RatePhase> of(double nativePerSecond, int[] percents) {
        List<RatePhase> phases = new ArrayList<>();
        for (int percent : percents) {
            phases.add(new RatePhase("rate-" + percent, nativePerSecond * percent / 100.0));
        }
        return phases;
    }

    boolean pipelined() {
        return perSecond == 0;
    }

    /** The messages of one run of {@code seconds} at this rate. */
    int messages(int seconds) {
        return (int) Math.max(1_000, Math.round(perSecond * seconds));
    }

    /** The run itself: pipelined, or at this rate (with ten times the bound, so the bound rarely holds it back). */
    PipelinedRun newRun(int messages, int inFlight, long waitSeconds) {
        return pipelined() ? new PipelinedRun(messages, inFlight, waitSeconds)
                : PipelinedRun.atRate(messages, perSecond, inFlight * 10, waitSeconds);
    }

    @Override
    public String toString() {
        return pipelined() ? "pipelined" : String.format(Locale.ROOT, "%s (%,.0f msg/s)", mode, perSecond);
    }
}
