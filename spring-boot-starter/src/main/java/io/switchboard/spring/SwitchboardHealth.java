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
package io.switchboard.spring;

import io.switchboard.ProducerInfo;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of each Switchboard producer, by bean name:
 * <ul>
 *   <li>UP while its latest outcome is an acknowledgement (or it has sent nothing yet);</li>
 *   <li>DOWN when its latest outcome is a failure that says the broker cannot be used (unavailable, timed out,
 *       outcome unknown, refused credentials or permissions, destination missing);</li>
 *   <li>OUT_OF_SERVICE once it is closed.</li>
 * </ul>
 * Details: the binding, the client id, the capabilities, the buffer's use and limits, the acknowledged and failed
 * counts, the time of the latest acknowledgement, and the reason and time of the latest failure. Never a setting,
 * an error message or a message's content, so no secret can appear here.
 */
final class SwitchboardHealth implements CompositeHealthContributor {
    private final SwitchboardProducers producers;

    SwitchboardHealth(SwitchboardProducers producers) {
        this.producers = producers;
    }

    @Override
    public HealthContributor getContributor(String name) {
        SendOutcomes outcomes = producers.outcomes().get(name);
        return outcomes == null ? null : indicator(outcomes);
    }

    @Override
    public Stream<HealthContributors.Entry> stream() {
        return new TreeMap<>(producers.outcomes()).entrySet().stream()
                .map(e -> new HealthContributors.Entry(e.getKey(), indicator(e.getValue())));
    }

    static HealthIndicator indicator(SendOutcomes outcomes) {
        return () -> health(outcomes);
    }

    static Health health(SendOutcomes outcomes) {
        Health.Builder health = outcomes.closed() ? Health.outOfService()
                : outcomes.brokerFailing() ? Health.down() : Health.up();
        ProducerInfo info = outcomes.producer();
        if (info != null) {
            health.withDetail("binding", info.binding())
                    .withDetail("clientId", info.clientId())
                    .withDetail("capabilities", outcomes.capabilities().stream().map(Enum::name).sorted().toList())
                    .withDetail("bufferedMessages", info.bufferedMessages())
                    .withDetail("bufferLimitMessages", info.bufferLimitMessages())
                    .withDetail("bufferedBytes", info.bufferedBytes())
                    .withDetail("bufferLimitBytes", info.bufferLimitBytes());
        }
        health.withDetail("acknowledged", outcomes.acknowledged()).withDetail("failed", outcomes.failed());
        if (outcomes.lastAcknowledged() != null) {
            health.withDetail("lastAcknowledged", outcomes.lastAcknowledged().toString());
        }
        SendOutcomes.Failure failure = outcomes.lastFailure();
        if (failure != null) {
            health.withDetail("lastFailure", Map.of("reason", failure.reason().name(), "at", failure.at().toString()));
        }
        return health.build();
    }
}
