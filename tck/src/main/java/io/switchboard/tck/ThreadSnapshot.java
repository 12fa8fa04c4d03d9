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

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the binding's threads are, for the message of a case that waited in vain: a producer that never recovers is
 * usually a thread held inside the client (a blocking call waiting for its own timeout), and its stack names the call.
 */
final class ThreadSnapshot {
    /** Frames shown per thread: enough to see the client's call and the binding's line that made it. */
    static final int FRAMES = 12;

    private ThreadSnapshot() {
    }

    /**
     * The stacks of the live threads whose name contains {@code nameFragment}, deepest first (a thread held inside
     * a client call has the deepest stack); empty if none.
     */
    static String of(String nameFragment) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().contains(nameFragment))
                .filter(e -> e.getValue().length > 0)
                .sorted((a, b) -> Integer.compare(b.getValue().length, a.getValue().length))
                .map(ThreadSnapshot::describe)
                .collect(Collectors.joining("\n"));
    }

    private static String describe(Map.Entry<Thread, StackTraceElement[]> thread) {
        StackTraceElement[] frames = thread.getValue();
        return "\"" + thread.getKey().getName() + "\" " + thread.getKey().getState() + "\n"
                + Arrays.stream(frames).limit(FRAMES).map(f -> "    at " + f).collect(Collectors.joining("\n"))
                + (frames.length > FRAMES ? "\n    ... " + (frames.length - FRAMES) + " more" : "");
    }
}
