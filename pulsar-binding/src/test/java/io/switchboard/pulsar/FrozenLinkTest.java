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

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.faults.Fault;
import io.switchboard.faults.FaultyProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A link that freezes for longer than the delivery timeout while keyed messages flow under the block policy.
 * Pulsar's pending queue holds what the core has already finished as OUTCOME_UNKNOWN until Pulsar lets go of it;
 * the core's buffer must keep counting those messages, so that the one bound users configure is the one that
 * waits, and Pulsar's queue never refuses a message the buffer accepted ("Producer send queue is full").
 */
class FrozenLinkTest extends BrokerTest {

    @Test
    @DisplayName("A link frozen past the delivery timeout makes senders wait on the buffer, never fills Pulsar's queue")
    void frozenLinkNeverFillsPulsarsQueue() throws Exception {
        String topic = topic("frozen-link");
        Duration deliveryTimeout = Duration.ofSeconds(3);
        try (FaultyProxy proxy = FaultyProxy.socks5()) {
            Producer<String> producer = producers.open(ProducerSettings.DELIVERY_TIMEOUT, deliveryTimeout.toMillis() + "ms",
                    ProducerSettings.BUFFER_MAX_MESSAGES, "100", ProducerSettings.MAX_BLOCK, "30s",
                    ProducerSettings.LINGER, "1ms", "pulsar.client.socks5ProxyAddress", proxy.address());
            producer.send(Message.to(topic).key("warm-up").value("warm-up"));

            proxy.fault(Fault.FREEZE);
            List<CompletableFuture<?>> sent = new ArrayList<>();
            long frozenUntil = System.nanoTime() + deliveryTimeout.multipliedBy(2).toNanos();
            int i = 0;
            while (System.nanoTime() - frozenUntil < 0) {
                sent.add(producer.sendAsync(Message.to(topic).key("key-" + (i % 10)).value("m-" + i)));
                i++;
            }
            proxy.fault(Fault.PASS);
            proxy.cut();
            for (int j = 0; j < 200; j++, i++) {
                sent.add(producer.sendAsync(Message.to(topic).key("key-" + (i % 10)).value("m-" + i)));
            }

            Map<Reason, Integer> failures = new EnumMap<>(Reason.class);
            for (CompletableFuture<?> future : sent) {
                try {
                    future.get(PATIENCE.toMillis() + deliveryTimeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.merge(((MessagingException) e.getCause()).reason(), 1, Integer::sum);
                }
            }
            assertThat(failures).as("failures by reason of %s sends", sent.size()).doesNotContainKey(Reason.BUFFER_FULL);
            assertThat(failures.keySet()).isSubsetOf(Reason.OUTCOME_UNKNOWN, Reason.TIMEOUT);
            assertThat(sent.size()).isGreaterThan(200);
        }
    }
}
