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
package io.switchboard.embedded.pulsar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The temporary directory that holds everything one embedded Pulsar writes: the RocksDB metadata store and the
 * bookie's journal and ledgers. It outlives {@code stop()} so that a restart finds the same data, and is deleted
 * on {@code close()}.
 */
final class WorkingDirectory {

    private final Path root;

    private WorkingDirectory(Path root) {
        this.root = root;
    }

    static WorkingDirectory create() {
        try {
            return new WorkingDirectory(Files.createTempDirectory("embedded-pulsar-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the embedded Pulsar", e);
        }
    }

    Path root() {
        return root;
    }

    /** RocksDB metadata store, shared by the bookie and the broker. */
    String metadataStoreUrl() {
        return "rocksdb://" + root.resolve("metadata").toAbsolutePath();
    }

    /** The bookie's journal and ledger directory. */
    Path bookieData() {
        return root.resolve("bookie");
    }

    void delete() {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the embedded Pulsar's directory " + root, e);
        }
    }
}
