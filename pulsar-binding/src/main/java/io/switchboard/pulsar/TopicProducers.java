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
package io.switchboard.pulsar;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The open {@link TopicProducer}s of one Switchboard producer, one per {@link Target}, at most {@code max} of them:
 * opening one more closes the least recently used idle one. A producer with records in flight is never closed for
 * room (its records would race the new producer's and a key could be reordered), so the bound can be exceeded
 * while every producer is busy; the next one opened restores it.
 *
 * <p>The send path takes no lock here: a map look-up and a compare-and-set on the producer's counter.
 */
final class TopicProducers {
    private final ConcurrentHashMap<Target, TopicProducer> open = new ConcurrentHashMap<>();
    private final int max;
    private final Function<Target, TopicProducer> factory;
    private final TopicProducer.Opener opener;

    TopicProducers(int max, Function<Target, TopicProducer> factory, TopicProducer.Opener opener) {
        this.max = max;
        this.factory = factory;
        this.opener = opener;
    }

    /**
     * The target's producer, opened if needed, with one more record counted on it.
     *
     * @param usedNanos when it is used, as {@link TopicProducer#tryAcquire} takes it
     */
    TopicProducer acquire(Target target, long usedNanos) {
        while (true) {
            TopicProducer current = open.get(target);
            if (current == null) {
                TopicProducer fresh = factory.apply(target);
                fresh.tryAcquire(usedNanos);
                current = open.putIfAbsent(target, fresh);
                if (current == null) {
                    fresh.start(opener);
                    makeRoom(fresh);
                    return fresh;
                }
            }
            if (current.tryAcquire(usedNanos)) {
                return current;
            }
            open.remove(target, current);
        }
    }

    /** Drops a producer that failed to open, so that the next record opens a new one. */
    void forget(TopicProducer producer) {
        open.remove(producer.target(), producer);
    }

    /** Whether no producer has unfinished records. */
    boolean allIdle() {
        for (TopicProducer producer : open.values()) {
            if (!producer.isIdle()) {
                return false;
            }
        }
        return true;
    }

    /** How many producers are open (or opening). */
    int size() {
        return open.size();
    }

    /** Flushes every producer. */
    List<CompletableFuture<Void>> flushAll() {
        return open.values().stream().map(TopicProducer::flush).toList();
    }

    /** Closes every producer. */
    List<CompletableFuture<Void>> closeAll() {
        return open.values().stream().map(TopicProducer::close).toList();
    }

    private void makeRoom(TopicProducer keep) {
        while (open.size() > max) {
            TopicProducer oldest = null;
            for (TopicProducer candidate : open.values()) {
                if (candidate != keep && candidate.isIdle()
                        && (oldest == null || candidate.lastUsedNanos() - oldest.lastUsedNanos() < 0)) {
                    oldest = candidate;
                }
            }
            if (oldest == null) {
                return;
            }
            if (oldest.tryRetire() && open.remove(oldest.target(), oldest)) {
                oldest.close();
            }
        }
    }
}
