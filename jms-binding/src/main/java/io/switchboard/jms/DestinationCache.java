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

import io.switchboard.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lane's JMS destinations by name and kind. Some providers ask the broker when a destination object is created
 * (Artemis looks the queue up), so each one is made once per session: queues for {@link Destination.Kind#DEFAULT}
 * and {@link Destination.Kind#QUEUE}, topics for {@link Destination.Kind#TOPIC}. Used by one thread only.
 */
final class DestinationCache {
    private static final int MAX_ENTRIES = 1024;

    private final Map<Destination, jakarta.jms.Destination> entries =
            new LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Destination, jakarta.jms.Destination> eldest) {
                    return size() > MAX_ENTRIES;
                }
            };

    /** The JMS destination for {@code destination}, made on {@code session} the first time. */
    jakarta.jms.Destination resolve(Session session, Destination destination) throws JMSException {
        jakarta.jms.Destination resolved = entries.get(destination);
        if (resolved == null) {
            resolved = destination.kind() == Destination.Kind.TOPIC ? session.createTopic(destination.name())
                    : session.createQueue(destination.name());
            entries.put(destination, resolved);
        }
        return resolved;
    }

    /** Forgets every destination (they belong to a session that is gone). */
    void clear() {
        entries.clear();
    }
}
