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

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects every case's result for the matrix and shows progress as the kit runs: one line that rewrites itself
 * on a terminal, one line per finished case otherwise (a log, a CI job).
 */
final class MatrixListener implements TestExecutionListener {
    private final PrintWriter out;
    private final boolean live;
    private final List<CaseResult> results = new ArrayList<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private TestPlan plan;
    private long total;

    MatrixListener(PrintWriter out, boolean live) {
        this.out = out;
        this.live = live;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        total = testPlan.countTestIdentifiers(TestIdentifier::isTest);
        out.printf(Locale.ROOT, "running the kit: %d cases, and the parameterized ones as they expand%n", total);
        out.flush();
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            started.put(id.getUniqueId(), System.nanoTime());
            if (live) {
                out.printf(Locale.ROOT, "\r\033[K[%d of %d+] %s: %s", results.size() + 1, total, group(id),
                        abbreviated(id.getDisplayName(), 70));
                out.flush();
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            finish(id, CaseResult.Status.SKIPPED, reason, Duration.ZERO);
        } else if (id.isContainer()) {
            plan.getDescendants(id).stream().filter(TestIdentifier::isTest)
                    .forEach(test -> finish(test, CaseResult.Status.SKIPPED, reason, Duration.ZERO));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && id.isContainer()) {
                // a group (or the kit) that failed before its cases: every case it holds is counted as failed
                plan.getDescendants(id).stream().filter(TestIdentifier::isTest)
                        .filter(test -> !started.containsKey(test.getUniqueId()))
                        .forEach(test -> finish(test, CaseResult.Status.FAILED, reason(result), Duration.ZERO));
            }
            return;
        }
        Long start = started.get(id.getUniqueId());
        Duration took = start == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start);
        CaseResult.Status status = switch (result.getStatus()) {
            case SUCCESSFUL -> CaseResult.Status.PASSED;
            case ABORTED -> CaseResult.Status.SKIPPED;
            case FAILED -> CaseResult.Status.FAILED;
        };
        finish(id, status, status == CaseResult.Status.PASSED ? "" : reason(result), took);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (live) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    /** Every case so far, in the order they finished. */
    synchronized List<CaseResult> results() {
        return List.copyOf(results);
    }

    private synchronized void finish(TestIdentifier id, CaseResult.Status status, String reason, Duration took) {
        CaseResult result = new CaseResult(group(id), sentence(id), status, reason, took);
        results.add(result);
        if (!live) {
            out.printf(Locale.ROOT, "[%d] %-7s %s: %s%n", results.size(), status.label, result.group(),
                    result.sentence());
            out.flush();
        }
    }

    /** The display name of the case's group: its nearest ancestor that is a class (the kit's nested group). */
    private String group(TestIdentifier id) {
        TestIdentifier ancestor = plan.getParent(id).orElse(null);
        while (ancestor != null && !ancestor.getSource().map(ClassSource.class::isInstance).orElse(false)) {
            ancestor = plan.getParent(ancestor).orElse(null);
        }
        return ancestor == null ? "" : ancestor.getDisplayName();
    }

    /** The case's sentence; a parameterized case's invocations name themselves in full (their own sentence). */
    private static String sentence(TestIdentifier id) {
        return id.getDisplayName();
    }

    private static String reason(TestExecutionResult result) {
        return result.getThrowable().map(t -> {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            return message.replaceAll("\\s+", " ").strip();
        }).orElse("");
    }

    static String abbreviated(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
