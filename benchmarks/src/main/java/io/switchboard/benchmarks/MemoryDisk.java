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
package io.switchboard.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Memory to keep a broker's log in during a side-by-side run ({@code /dev/shm}), where the machine has it.
 *
 * <p>A 1 KiB run writes a gigabyte of log. On a disk, the kernel's write-back of those pages (its own threads, not
 * the JVM's) starts when the dirty pages pass a share of memory and then takes CPU from whichever client is being
 * measured at that moment: with the log on disk, Kafka's 1 KiB rounds ranged 115k–280k msg/s for the same client.
 * What the side-by-side compares is the clients, so the broker keeps its log where writing it costs no disk I/O;
 * the broker still does all of its own work (appends, indexes, replication checks) in the JVM.
 */
final class MemoryDisk {
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    private MemoryDisk() {
    }

    /** Room a run needs there: a 1 KiB run's gigabyte of log, and the next run's, with a margin. */
    private static final long NEEDED_BYTES = 4L << 30;

    /**
     * {@code /dev/shm} if it is a writable directory here with room for a run's log, else empty (the broker then
     * uses the temporary directory; containers often give {@code /dev/shm} only 64 MiB).
     */
    static Optional<Path> directory() {
        try {
            return Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)
                    && Files.getFileStore(SHARED_MEMORY).getUsableSpace() >= NEEDED_BYTES
                    ? Optional.of(SHARED_MEMORY) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
