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
package io.switchboard.cli.demo;

import io.switchboard.tck.ProbedMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one binding's demo showed: the orders sent, what the broker's own client read back, and the summary row of
 * {@code --binding all}.
 *
 * @param binding the binding's name
 * @param sent    each order with its receipt
 * @param read    what the broker holds, in broker order
 * @param took    from starting the producer to reading back
 */
record DemoRun(String binding, List<OrdersApplication.Sent> sent, List<ProbedMessage> read, Duration took) {

    /** The partitions the messages landed on (a queue counts as one). */
    int partitionsSeen() {
        Set<Integer> partitions = new HashSet<>();
        read.forEach(m -> partitions.add(m.partition()));
        return partitions.size();
    }

    /** Whether every customer's orders are, in broker order, in the order they were sent. */
    boolean perKeyOrderKept() {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (ProbedMessage m : read) {
            byKey.computeIfAbsent(String.valueOf(m.key()), k -> new ArrayList<>()).add(orderNumber(m));
        }
        for (List<Integer> numbers : byKey.values()) {
            for (int i = 1; i < numbers.size(); i++) {
                if (numbers.get(i) <= numbers.get(i - 1)) {
                    return false;
                }
            }
        }
        return read.size() == sent.size();
    }

    /** The {@code n} of "order n for customer". */
    private static int orderNumber(ProbedMessage m) {
        String value = new String(m.value(), StandardCharsets.UTF_8);
        String[] words = value.split(" ");
        return words.length > 1 ? Integer.parseInt(words[1]) : -1;
    }
}
