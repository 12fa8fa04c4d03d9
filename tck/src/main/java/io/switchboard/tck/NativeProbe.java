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

import io.switchboard.Destination;

import java.time.Duration;
import java.util.List;

/**
 * Reads what really reached the broker, with the broker's own client (a KafkaConsumer, a Pulsar Reader, a JMS
 * consumer), never through Switchboard. A bug that is symmetric in a binding's write and read paths cannot
 * hide from it.
 */
public interface NativeProbe {

    /**
     * Reads the destination from its beginning and returns the messages found once {@code expected} have been
     * read or {@code timeout} has passed, whichever is first. Messages of one partition (or of a queue) are in
     * broker order; the order across partitions is unspecified. May return more than {@code expected} if more
     * are there.
     *
     * <p>The probe reports what a consumer would receive now: a message whose delivery delay has not passed, or
     * whose time to live has, is not returned. Reading must not remove anything (browse a queue rather than
     * consume it), since the kit reads a destination several times. Must return within about {@code timeout}.
     */
    List<ProbedMessage> read(Destination destination, int expected, Duration timeout);
}
