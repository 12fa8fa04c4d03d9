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
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPU time of every live thread at one moment (and of the whole process), to split a run's CPU between the sender,
 * the clients and the rest; each main sorts the threads into its own groups.
 */
record ThreadCpu(Map<Long, Long> nanosById, Map<Long, String> namesById) {
    /** Receives the CPU one thread used between two snapshots. */
    interface Usage {
        void used(long threadId, String name, long nanos);
    }

    static ThreadCpu now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    nanos.put(info.getThreadId(), cpu);
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
        }
        return new ThreadCpu(nanos, names);
    }

    /** CPU nanoseconds of the whole process so far, or 0 where the JVM does not tell. */
    static long processNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    Set<Long> threadIds() {
        return nanosById.keySet();
    }

    /**
     * Hands what each thread used from this moment to {@code later} to {@code usage}, one call per thread alive at
     * {@code later} (threads that ended in between are not counted).
     */
    void usedUntil(ThreadCpu later, Usage usage) {
        for (Map.Entry<Long, Long> entry : later.nanosById.entrySet()) {
            long used = entry.getValue() - nanosById.getOrDefault(entry.getKey(), 0L);
            usage.used(entry.getKey(), later.namesById.get(entry.getKey()), used);
        }
    }
}
