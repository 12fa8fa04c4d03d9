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
package io.switchboard.embedded.kafka;

import java.util.concurrent.atomic.AtomicReference;

/** Remembers the first broker the extension injected in this run, whichever test class ran first. */
final class FirstInjectedBroker {

    private static final AtomicReference<EmbeddedKafka> FIRST = new AtomicReference<>();

    private FirstInjectedBroker() {
    }

    /** Records {@code kafka} if it is the first; returns the first one either way. */
    static EmbeddedKafka rememberOrGet(EmbeddedKafka kafka) {
        FIRST.compareAndSet(null, kafka);
        return FIRST.get();
    }
}
