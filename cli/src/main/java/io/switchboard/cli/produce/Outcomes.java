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
package io.switchboard.cli.produce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.Receipt;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The sends of one {@code produce} run, in input order: prints each receipt (with {@code --receipts}) or failure
 * as soon as it and every earlier one are done, counts the outcomes, and prints the summary.
 */
final class Outcomes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean receipts;
    private final boolean json;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Map<Reason, Long> failed = new EnumMap<>(Reason.class);
    private final long startNanos = System.nanoTime();
    private long acknowledged;
    private long unparsed;

    Outcomes(PrintWriter out, PrintWriter err, boolean receipts, boolean json) {
        this.out = out;
        this.err = err;
        this.receipts = receipts;
        this.json = json;
    }

    void sent(long line, CompletableFuture<Receipt> future) {
        pending.add(new Pending(line, future));
        drain(false);
    }

    void unparsed() {
        unparsed++;
    }

    /** Prints what finished, in order; with {@code all}, waits for every send (the caller flushed first). */
    void drain(boolean all) {
        while (!pending.isEmpty() && (all || pending.peek().future().isDone())) {
            Pending next = pending.poll();
            try {
                report(next.line(), next.future().join());
            } catch (CompletionException e) {
                report(next.line(), e.getCause() instanceof MessagingException me ? me
                        : new MessagingException(Reason.INTERNAL, String.valueOf(e.getCause()), e.getCause()));
            }
        }
    }

    private void report(long line, Receipt receipt) {
        acknowledged++;
        if (!receipts) {
            return;
        }
        if (json) {
            ObjectNode node = JSON.createObjectNode().put("line", line).put("destination", receipt.destination().name());
            receipt.partition().ifPresent(p -> node.put("partition", p));
            receipt.offset().ifPresent(o -> node.put("offset", o));
            receipt.messageId().ifPresent(id -> node.put("messageId", id));
            receipt.timestamp().ifPresent(t -> node.put("timestamp", t.toString()));
            out.println(node);
        } else {
            out.printf(Locale.ROOT, "line %d: %s%s%s%s%n", line, receipt.destination().name(),
                    receipt.partition().isPresent() ? " partition " + receipt.partition().getAsInt() : "",
                    receipt.offset().isPresent() ? " offset " + receipt.offset().getAsLong() : "",
                    receipt.messageId().map(id -> " id " + id).orElse(""));
        }
    }

    private void report(long line, MessagingException e) {
        failed.merge(e.reason(), 1L, Long::sum);
        err.printf(Locale.ROOT, "line %d: failed %s: %s%n", line, e.reason(), e.getMessage());
    }

    /** Whether every line became an acknowledged message. */
    boolean allAcknowledged() {
        return failed.isEmpty() && unparsed == 0;
    }

    long acknowledged() {
        return acknowledged;
    }

    void summary(PrintWriter to) {
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "sent %d, acknowledged %d", acknowledged
                + failed.values().stream().mapToLong(Long::longValue).sum(), acknowledged));
        failed.forEach((reason, count) -> line.append(", failed ").append(reason).append(' ').append(count));
        if (unparsed > 0) {
            line.append(", unparsed lines ").append(unparsed);
        }
        line.append(String.format(Locale.ROOT, " in %.2f s (%.0f msg/s)", seconds, acknowledged / seconds));
        to.println(line);
        to.flush();
    }

    private record Pending(long line, CompletableFuture<Receipt> future) {
    }
}
