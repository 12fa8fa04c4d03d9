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

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Timeout;

/**
 * The kit's "Reliability under faults" part alone, for a fixture on which the rest of the kit does not apply or
 * would only repeat itself: a cluster whose leader the part stops ({@link BindingFixture#leaderControl()}), or a soak.
 *
 * <pre>{@code
 * class KafkaClusterReliabilityTest extends ReliabilityKit {
 *     @Override
 *     protected BindingFixture fixture() {
 *         return FIXTURE;   // KafkaFixture.onCluster(cluster)
 *     }
 * }
 * }</pre>
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
public abstract class ReliabilityKit {
    static {
        CapturingLogProvider.select();
    }

    /**
     * The fixture the part runs on.
     *
     * @return one shared instance
     */
    protected abstract BindingFixture fixture();

    @Nested
    @DisplayName("Reliability under faults")
    class ReliabilityUnderFaults extends ReliabilityUnderFaultsContract {
        ReliabilityUnderFaults() {
            super(ReliabilityKit.this);
        }
    }
}
