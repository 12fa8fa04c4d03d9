package io.switchboard.tck;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * One message as the broker's own client saw it.
 *
 * @param key       the key (Kafka key, Pulsar key, JMSXGroupID) as UTF-8 text, or null
 * @param value     the value bytes exactly as stored
 * @param headers   headers (Kafka headers, Pulsar properties, JMS string properties decoded by the binding's
 *                  documented rule), without any the broker itself adds
 * @param partition the partition, or -1 where the broker has none
 * @param position  the position within the partition or queue (offset, ledger entry, arrival index)
 * @param timestamp the timestamp the broker holds for it (event time where the broker keeps one), or null
 * @param priority  the priority the broker holds, or null
 */
public record ProbedMessage(String key, byte[] value, Map<String, String> headers, int partition, long position,
                            Instant timestamp, Integer priority) {

    /** Copies the headers. */
    public ProbedMessage {
        headers = Map.copyOf(headers);
    }

    /** The value as UTF-8 text. */
    public String valueAsString() {
        return new String(value, StandardCharsets.UTF_8);
    }
}
