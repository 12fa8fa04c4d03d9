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
package io.switchboard.jms;

import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import io.switchboard.spi.OutboundRecord;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * How a record becomes a JMS message and an acknowledged send a receipt:
 * <ul>
 *   <li>the value is the body of a {@link BytesMessage}, byte for byte, whatever the content type;</li>
 *   <li>the key is the {@value #GROUP_ID} property (JMS message groups: one consumer per key, in order);</li>
 *   <li>each header is a string property under the name {@link JmsHeaderNames#encode} gives it, with the value
 *       {@link JmsHeaderValues#encode} gives it (the value itself but for rare cases);</li>
 *   <li>priority and time to live are arguments of the send (default priority 4, no expiry);</li>
 *   <li>the receipt carries the provider's {@code JMSMessageID} and {@code JMSTimestamp}, and the sent message as
 *       its native metadata.</li>
 * </ul>
 */
final class JmsMessages {
    /** The JMS-defined property that groups messages by key. */
    static final String GROUP_ID = "JMSXGroupID";

    private JmsMessages() {
    }

    /**
     * Checks and encodes the record's header names on the caller's thread, so that a header JMS cannot carry fails
     * the send at once and the lane only copies names.
     *
     * @throws MessagingException {@link Reason#INVALID_ARGUMENT} naming the header and the rule it breaks
     */
    static PendingRecord accept(OutboundRecord record) {
        Map<String, String> headers = record.headers().asMap();
        String[] names = new String[headers.size()];
        String[] values = new String[headers.size()];
        int i = 0;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            Optional<String> refusal = JmsHeaderNames.refusal(name);
            if (refusal.isPresent()) {
                throw new MessagingException(Reason.INVALID_ARGUMENT, "header \"" + name + "\" " + refusal.get()
                        + "; nothing was sent");
            }
            names[i] = JmsHeaderNames.encode(name);
            values[i] = JmsHeaderValues.encode(header.getValue());
            i++;
        }
        return new PendingRecord(record, names, values);
    }

    /** The JMS message for a record, created on the lane's session. */
    static BytesMessage write(Session session, PendingRecord pending) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(pending.record.value());
        if (pending.record.key() != null) {
            message.setStringProperty(GROUP_ID, pending.record.key());
        }
        for (int i = 0; i < pending.propertyNames.length; i++) {
            message.setStringProperty(pending.propertyNames[i], pending.propertyValues[i]);
        }
        return message;
    }

    /** The JMS priority of a record: its own, or the JMS default. */
    static int priority(OutboundRecord record) {
        return record.priority() == null ? Message.DEFAULT_PRIORITY : record.priority();
    }

    /** The JMS time to live in milliseconds: 0 (never expires) without one, at least 1 ms with one. */
    static long timeToLive(OutboundRecord record) {
        if (record.timeToLive() == null) {
            return Message.DEFAULT_TIME_TO_LIVE;
        }
        // rounded up: a sub-millisecond time to live rounded down to 0 would make the message live for ever
        long millis = record.timeToLive().toMillis();
        if (record.timeToLive().compareTo(java.time.Duration.ofMillis(millis)) > 0) {
            millis++;
        }
        return Math.max(1, millis);
    }

    /** The receipt of an acknowledged send. */
    static Receipt receipt(OutboundRecord record, Message sent) {
        String id;
        long timestamp;
        try {
            id = sent.getJMSMessageID();
            timestamp = sent.getJMSTimestamp();
        } catch (JMSException e) {
            // the broker acknowledged the message; only the provider's bookkeeping failed, so the receipt goes without
            id = null;
            timestamp = 0;
        }
        return Receipt.unpartitioned(record.destination(), id, timestamp > 0 ? Instant.ofEpochMilli(timestamp) : null, sent);
    }
}
