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

/** Batch compression ({@code switchboard.compression}); bindings whose broker lacks a codec fail with {@link Reason#UNSUPPORTED}. */
public enum Compression {
    /** No compression. The default. */
    NONE,
    /** gzip. */
    GZIP,
    /** Snappy. */
    SNAPPY,
    /** LZ4. */
    LZ4,
    /** Zstandard. */
    ZSTD
}
