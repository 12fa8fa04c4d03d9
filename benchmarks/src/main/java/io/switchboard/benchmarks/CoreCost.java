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

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Runs {@link CoreCostBenchmark} through JMH's own runner (a forked JVM, with JMH's allocation profiler) and returns
 * ns and bytes allocated per send for each benchmark and message shape.
 */
final class CoreCost {
    /** One benchmark's figures. */
    record Figure(String benchmark, String shape, double nanosPerSend, double nanosError, double bytesPerSend) {
    }

    private CoreCost() {
    }

    /** @param quick one short iteration each, for a smoke run of the suite */
    static List<Figure> measure(boolean quick) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(CoreCostBenchmark.class.getName())
                .addProfiler("gc")
                .forks(1)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 1 : 5).measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<Figure> figures = new ArrayList<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            String benchmark = label.substring(label.lastIndexOf('.') + 1);
            double bytes = result.getSecondaryResults().get("·gc.alloc.rate.norm") != null
                    ? result.getSecondaryResults().get("·gc.alloc.rate.norm").getScore()
                    : result.getSecondaryResults().get("gc.alloc.rate.norm").getScore();
            figures.add(new Figure(benchmark, result.getParams().getParam("shape"), result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreError(), bytes));
        }
        return figures;
    }
}
