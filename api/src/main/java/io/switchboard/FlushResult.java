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
package io.switchboard;

/**
 * What {@link Producer#flush(java.time.Duration)} found.
 *
 * @param unfinished how many messages accepted before the flush were neither acknowledged nor failed when
 *                   the flush's time ran out
 */
public record FlushResult(long unfinished) {
    /** Validates the count. */
    public FlushResult {
        if (unfinished < 0) {
            throw new IllegalArgumentException("unfinished must be 0 or more, was " + unfinished);
        }
    }

    /** Whether every message accepted before the flush was finished in time. */
    public boolean isComplete() {
        return unfinished == 0;
    }
}
