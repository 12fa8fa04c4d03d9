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

import io.switchboard.Destination;
import io.switchboard.Message;
import io.switchboard.Producer;

import java.time.Duration;

/** Switchboard's side of a pipelined side-by-side run: {@code sendAsync} of each message, whatever the binding. */
final class PipelinedSwitchboardClient implements PipelinedRun.Client {
    final Producer<byte[]> producer;
    final Destination topic;
    private final Duration closeTimeout;

    PipelinedSwitchboardClient(Producer<byte[]> producer, String topic, Duration closeTimeout) {
        this.producer = producer;
        this.topic = Destination.of(topic);
        this.closeTimeout = closeTimeout;
    }

    @Override
    public void send(int index, String key, byte[] value, PipelinedRun run) {
        producer.sendAsync(Message.to(topic).key(key).value(value)).whenComplete((receipt, error) -> run.done(index, error));
    }

    @Override
    public void close() {
        producer.close(closeTimeout);
    }
}
