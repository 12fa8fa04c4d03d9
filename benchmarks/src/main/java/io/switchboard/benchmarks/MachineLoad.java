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
