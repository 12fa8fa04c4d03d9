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
package io.switchboard.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs tasks one after another per lane (a key, a destination) without a lock: each task waits for the release
 * of the one submitted before it in the same lane. Every future here has one dependant at most, so the order is
 * exactly submission order (a future's dependants would otherwise run last-in first-out). A task that has to
 * wait runs on the executor, never nested inside its predecessor's release, so a long lane cannot overflow the
 * stack of the thread that releases its head.
 */
final class OrderedLanes {
    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final Executor executor;

    OrderedLanes(Executor executor) {
        this.executor = executor;
    }

    /**
     * Submits a task to a lane. The task gets its own release future and must complete it when the next task
     * of the lane may run (the task completes it even when it fails).
     */
    void submit(String lane, Consumer<CompletableFuture<Void>> task) {
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Void> previous = tails.put(lane, release);
        release.whenComplete((ignored, error) -> tails.remove(lane, release));
        if (previous == null || previous.isDone()) {
            run(task, release);
        } else {
            previous.whenCompleteAsync((ignored, error) -> run(task, release), executor);
        }
    }

    /** Whether a lane has tasks waiting or running. */
    boolean isBusy(String lane) {
        return tails.containsKey(lane);
    }

    private static void run(Consumer<CompletableFuture<Void>> task, CompletableFuture<Void> release) {
        try {
            task.accept(release);
        } catch (RuntimeException | Error e) {
            release.complete(null);
            throw e;
        }
    }
}
