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
package io.switchboard.tck;

import io.switchboard.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reliability run found, per guarantee: every send's outcome held against what the broker's own client
 * reads afterwards. The counts that must be zero are {@link #violations()}; the rest describe the run.
 *
 * @param sent                 sends accepted by sendAsync
 * @param acknowledged         sends whose future succeeded
 * @param outcomeUnknown       sends failed OUTCOME_UNKNOWN (may or may not be in the broker)
 * @param notWritten           sends failed with a reason that says "not written", by reason
 * @param acknowledgedMissing  acknowledged, and not in the broker
 * @param duplicates           extra copies in the broker (allowed at least once, counted)
 * @param orderViolations      acknowledged messages of one key found out of the order they were sent in
 * @param lateOutcomes         futures that finished later than the delivery timeout plus tolerance
 * @param blockedCalls         sendAsync calls that took longer than max-block plus tolerance
 * @param notWrittenButStored  failed as not written, and in the broker all the same
 * @param unfinished           futures still pending when the run ended
 * @param notAcknowledgedAfterRecovery sends after the faults (and up to 30 s for the producer to deliver again) that
 *                     were not acknowledged: reported, not yet required to be 0
 * @param senderProblems       sendAsync calls that threw, or never returned
 * @param faults               the faults played, in order
 * @param examples             a few of the offending sends, for the failure message
 */
record LossAndHangReport(int sent, int acknowledged, int outcomeUnknown, Map<Reason, Integer> notWritten,
                         int acknowledgedMissing, int duplicates, int orderViolations, int lateOutcomes,
                         int blockedCalls, int notWrittenButStored, int unfinished, int notAcknowledgedAfterRecovery,
                         List<String> senderProblems, List<String> faults, List<String> examples) {

    private static final String AFTER_RECOVERY_NOTE = "the 200 sends after the faults";

    /** Holds each send against the messages read from the broker. */
    static LossAndHangReport of(List<SendRecord> sends, List<ProbedMessage> read, Duration deliveryTimeout,
                                Duration maxBlock, Duration tolerance, List<String> faults, List<String> senderProblems,
                                List<SendRecord> afterRecovery) {
        Map<String, Integer> stored = new HashMap<>();
        Map<String, List<Integer>> sequencesByKey = new HashMap<>();
        for (ProbedMessage message : read) {
            String value = message.valueAsString();
            stored.merge(value, 1, Integer::sum);
            int colon = value.lastIndexOf(':');
            if (colon > 0) {
                sequencesByKey.computeIfAbsent(value.substring(0, colon), k -> new ArrayList<>())
                        .add(Integer.parseInt(value.substring(colon + 1)));
            }
        }
        List<String> examples = new ArrayList<>();
        Map<String, java.util.Set<Integer>> acknowledgedByKey = new HashMap<>();
        Map<Reason, Integer> notWritten = new EnumMap<>(Reason.class);
        int acknowledged = 0, unknown = 0, missing = 0, late = 0, blocked = 0, wrongNotWritten = 0, unfinished = 0;
        for (SendRecord send : sends) {
            if (send.callNanos > maxBlock.plus(tolerance).toNanos()) {
                blocked++;
                example(examples, "sendAsync of " + send.value() + " took " + Duration.ofNanos(send.callNanos));
            }
            if (!send.finished()) {
                unfinished++;
                example(examples, send.value() + " never finished");
                continue;
            }
            if (send.outcomeNanos() > deliveryTimeout.plus(tolerance).toNanos()) {
                late++;
                example(examples, send.value() + " finished after " + Duration.ofNanos(send.outcomeNanos()));
            }
            boolean inBroker = stored.containsKey(send.value());
            if (send.acknowledged()) {
                acknowledged++;
                acknowledgedByKey.computeIfAbsent(send.key, k -> new java.util.HashSet<>()).add(send.sequence);
                if (!inBroker) {
                    missing++;
                    example(examples, send.value() + " was acknowledged and is not in the broker");
                }
            } else if (send.failure().mayHaveBeenWritten()) {
                unknown++;
            } else {
                notWritten.merge(send.failure().reason(), 1, Integer::sum);
                if (inBroker) {
                    wrongNotWritten++;
                    example(examples, send.value() + " failed " + send.failure().reason() + " (not written) and is in the broker");
                }
            }
        }
        int duplicates = stored.values().stream().mapToInt(n -> n - 1).sum();
        int order = orderViolations(sequencesByKey, acknowledgedByKey, examples);
        int notAcknowledgedAfter = 0;
        for (SendRecord send : afterRecovery) {
            if (!send.acknowledged()) {
                notAcknowledgedAfter++;
                example(examples, send.value() + ", sent after the faults, was not acknowledged"
                        + (send.failure() == null ? "" : " (" + send.failure().reason() + ": "
                        + send.failure().getMessage() + ")"));
            }
        }
        return new LossAndHangReport(sends.size(), acknowledged, unknown, notWritten, missing, duplicates, order, late,
                blocked, wrongNotWritten, unfinished, notAcknowledgedAfter, List.copyOf(senderProblems),
                List.copyOf(faults), List.copyOf(examples));
    }

    /** Per key, the acknowledged sequences as the broker holds them (first copies) must rise. */
    private static int orderViolations(Map<String, List<Integer>> readByKey, Map<String, java.util.Set<Integer>> acked,
                                       List<String> examples) {
        int violations = 0;
        for (Map.Entry<String, List<Integer>> key : readByKey.entrySet()) {
            java.util.Set<Integer> ackedOfKey = acked.getOrDefault(key.getKey(), java.util.Set.of());
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            int highest = -1;
            for (int sequence : key.getValue()) {
                if (!ackedOfKey.contains(sequence) || !seen.add(sequence)) {
                    continue;
                }
                if (sequence < highest) {
                    violations++;
                    example(examples, key.getKey() + ":" + sequence + " is stored after " + key.getKey() + ":" + highest);
                }
                highest = Math.max(highest, sequence);
            }
        }
        return violations;
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 10) {
            examples.add(example);
        }
    }

    /** The counts that must be zero, by name; empty when the run found nothing wrong. */
    Map<String, Integer> violations() {
        Map<String, Integer> found = new LinkedHashMap<>();
        put(found, "acknowledged but missing", acknowledgedMissing);
        put(found, "acknowledged out of per-key order", orderViolations);
        put(found, "outcomes later than the delivery timeout", lateOutcomes);
        put(found, "sendAsync calls blocked beyond max-block", blockedCalls);
        put(found, "failed as not written, yet in the broker", notWrittenButStored);
        put(found, "futures never finished", unfinished);
        put(found, "sendAsync calls that threw or never returned", senderProblems.size());
        return found;
    }

    private static void put(Map<String, Integer> found, String name, int count) {
        if (count > 0) {
            found.put(name, count);
        }
    }

    /** The report as a Markdown table, one row per count. */
    String table(String title) {
        StringBuilder table = new StringBuilder("### ").append(title).append("\n\nfaults: ")
                .append(String.join(", ", faults)).append("\n\n| measure | count | must be |\n|---|---:|---|\n");
        row(table, "sent", sent, "at least 10,000");
        row(table, "acknowledged", acknowledged, "");
        row(table, "failed OUTCOME_UNKNOWN", outcomeUnknown, "counted");
        row(table, "failed as not written " + notWritten, notWritten.values().stream().mapToInt(Integer::intValue).sum(), "counted");
        row(table, "acknowledged but missing", acknowledgedMissing, "0");
        row(table, "duplicates in the broker", duplicates, "counted (0 for effectively-once)");
        row(table, "acknowledged out of per-key order", orderViolations, "0");
        row(table, "outcomes later than the delivery timeout + tolerance", lateOutcomes, "0");
        row(table, "sendAsync calls blocked beyond max-block + tolerance", blockedCalls, "0");
        row(table, "failed as not written, yet in the broker", notWrittenButStored, "0");
        row(table, "futures never finished", unfinished, "0");
        row(table, "of " + AFTER_RECOVERY_NOTE + ", not acknowledged", notAcknowledgedAfterRecovery,
                "reported (0 once a binding recovers within 30 s)");
        row(table, "sendAsync calls that threw or never returned", senderProblems.size(), "0");
        senderProblems.forEach(p -> table.append("- ").append(p).append('\n'));
        if (!examples.isEmpty()) {
            table.append("\nexamples:\n");
            examples.forEach(e -> table.append("- ").append(e).append('\n'));
        }
        return table.toString();
    }

    private static void row(StringBuilder table, String name, int count, String mustBe) {
        table.append("| ").append(name).append(" | ").append(count).append(" | ").append(mustBe).append(" |\n");
    }
}
