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

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the machine is busy with around a run: its CPU count and one-minute load average, printed with the results. */
final class MachineLoad {
    private MachineLoad() {
    }

    static int cpus() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The one-minute load average (/proc/loadavg), or -1 where there is none. */
    static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    /** The first line of a run's output: what runs, with which options, on what machine. */
    static String banner(String benchmark, Object options) {
        return benchmark + ": " + options + "; " + cpus() + " CPUs, load " + oneMinute() + ", Java " + Runtime.version();
    }
}
