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

import java.util.Locale;

/**
 * What one pipelined (or fixed-rate) run measured, whatever the client: throughput, latency percentiles, CPU per
 * message of the whole process, errors, and the machine's load before it.
 */
record RunFigures(int messages, double perSecond, double p50Ms, double p99Ms, double p999Ms, double maxMs,
                  double cpuMicrosPerMessage, int errors, double load) {

    static RunFigures of(PipelinedRun run) {
        Latencies latencies = run.latencies();
        return new RunFigures(run.messages, run.perSecond(), latencies.ms(0.50), latencies.ms(0.99), latencies.ms(0.999),
                latencies.ms(1.0), run.cpuMicrosPerMessage(), run.errors.get(), run.loadBefore);
    }

    /** The columns msg/s, p50, p99, p99.9, max and CPU per message of a run's printed line. */
    String columns() {
        return String.format(Locale.ROOT, "%,10.0f %8.2f %8.2f %8.2f %8.2f %8.1f", perSecond, p50Ms, p99Ms, p999Ms, maxMs,
                cpuMicrosPerMessage);
    }
}
