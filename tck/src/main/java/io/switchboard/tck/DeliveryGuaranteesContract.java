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
package io.switchboard.tck;

import io.switchboard.Capability;
import io.switchboard.DeliveryGuarantee;
import io.switchboard.Destination;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.Reason;
import io.switchboard.Serializers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.switchboard.ProducerSettings.GUARANTEE;
import static io.switchboard.tck.ProbeReads.values;
import static io.switchboard.tck.ProbeReads.valuesByKey;
import static org.assertj.core.api.Assertions.assertThat;

/** Each delivery guarantee is kept or refused at creation. */
abstract class DeliveryGuaranteesContract extends ContractPart {

    DeliveryGuaranteesContract(BindingCompatibilityKit kit) {
        super(kit);
    }

    @ParameterizedTest(name = "{0}: a claimed guarantee delivers; an unclaimed one fails UNSUPPORTED when the producer is created")
    @EnumSource(DeliveryGuarantee.class)
    @DisplayName("each guarantee delivers when claimed and is refused at creation when not")
    void eachGuaranteeDeliversOrIsRefused(DeliveryGuarantee guarantee) {
        String setting = guarantee.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Capability needed = switch (guarantee) {
            case AT_MOST_ONCE -> Capability.AT_MOST_ONCE;
            case EFFECTIVELY_ONCE -> Capability.EFFECTIVELY_ONCE;
            case AT_LEAST_ONCE -> null;
        };
        if (needed != null && !claims(needed)) {
            MessagingException e = thrown(Reason.UNSUPPORTED,
                    () -> scope.builder(Serializers.string(), Map.of(GUARANTEE, setting)).build());
            assertThat(e.getMessage()).contains(setting);
            return;
        }
        Destination d = topic(1);
        Producer<String> producer = strings(GUARANTEE, setting);
        SentBatch batch = sendKeyed(producer, d, 10);
        batch.awaitAllAcknowledged(PATIENCE);
        assertThat(values(probe.atLeast(d, 10))).containsExactlyElementsOf(batch.values());
    }

    @Test
    @DisplayName("effectively-once writes each of many concurrent messages exactly once, each key in order; without EFFECTIVELY_ONCE it is refused UNSUPPORTED")
    void effectivelyOnceWritesEachMessageOnce() throws Exception {
        if (!claimedOrRefused(Capability.EFFECTIVELY_ONCE, () -> strings(GUARANTEE, "effectively-once"))) {
            return;
        }
        Destination d = partitioned();
        Producer<String> producer = strings(GUARANTEE, "effectively-once");
        SentBatch batch = new SentBatch();
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            senders.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 50; i++) {
                    send(batch, producer, Message.to(d).key("thread-" + thread).value("t" + thread + "-" + i));
                }
            }, ASIDE));
        }
        CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        batch.awaitAllAcknowledged(PATIENCE);
        // all 200 may take the probe a while to see; once they are there, any copy would be too
        probe.atLeast(d, 200);
        List<ProbedMessage> read = probe.whatIsThere(d, 201, Duration.ofSeconds(2));
        assertThat(values(read)).as("each message exactly once").containsExactlyInAnyOrderElementsOf(batch.values());
        Map<String, List<String>> byKey = valuesByKey(read);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            assertThat(byKey.get("thread-" + t)).containsExactlyElementsOf(
                    IntStream.range(0, 50).mapToObj(i -> "t" + thread + "-" + i).toList());
        }
    }

    @Test
    @DisplayName("an unknown guarantee fails INVALID_ARGUMENT and lists the three there are")
    void unknownGuaranteeListsTheChoices() {
        MessagingException e = thrown(Reason.INVALID_ARGUMENT, () -> scope.builder(Serializers.string(),
                Map.of(GUARANTEE, "exactly-once")).build());
        assertThat(e.getMessage()).contains(GUARANTEE).contains("at-most-once").contains("at-least-once")
                .contains("effectively-once");
    }
}
