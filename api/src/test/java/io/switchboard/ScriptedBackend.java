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

import io.switchboard.spi.OutboundRecord;
import io.switchboard.spi.ProducerBackend;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A backend for unit tests of the core producer's own logic: answers each send as the test scripts it and
 * records what it was handed. Bindings are proven by the TCK against real brokers, never by this.
 */
public final class ScriptedBackend implements ProducerBackend {
    public final List<OutboundRecord> handed = new CopyOnWriteArrayList<>();
    public volatile Function<OutboundRecord, CompletableFuture<Receipt>> answer = ScriptedBackend::acknowledge;
    public volatile boolean retries = true;
    public volatile int partitions = 3;
    public volatile boolean closed;

    public static CompletableFuture<Receipt> acknowledge(OutboundRecord record) {
        return CompletableFuture.completedFuture(Receipt.partitioned(record.destination(), Math.max(0, record.partition()),
                0, null, null, record));
    }

    public static CompletableFuture<Receipt> never(OutboundRecord record) {
        return new CompletableFuture<>();
    }

    public static Function<OutboundRecord, CompletableFuture<Receipt>> failWith(Reason reason) {
        return record -> CompletableFuture.failedFuture(new MessagingException(reason, "scripted " + reason));
    }

    @Override
    public CompletableFuture<Receipt> send(OutboundRecord record) {
        // a copy: the core's own record lets go of its content once the send is acknowledged
        handed.add(OutboundRecord.copyOf(record));
        return answer.apply(record);
    }

    @Override
    public CompletableFuture<Integer> partitionCount(Destination destination) {
        return CompletableFuture.completedFuture(partitions);
    }

    @Override
    public void flush(Duration timeout) {
    }

    @Override
    public void close(Duration timeout) {
        closed = true;
    }

    @Override
    public boolean retriesInternally() {
        return retries;
    }
}
