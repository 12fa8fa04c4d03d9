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
import io.switchboard.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

/**
 * The compatibility kit every Switchboard binding runs: the producer contract, checked against the broker itself.
 * A binding's test extends this class and returns a {@link BindingFixture} that configures producers, creates
 * destinations, reads them back with the broker's own client (the {@link NativeProbe}) and, where it can, stops
 * and starts the broker:
 *
 * <pre>{@code
 * class KafkaBindingCompatibilityTest extends BindingCompatibilityKit {
 *     static final KafkaFixture FIXTURE = new KafkaFixture(EmbeddedKafka.shared());
 *
 *     @Override
 *     protected BindingFixture fixture() {
 *         return FIXTURE;
 *     }
 * }
 * }</pre>
 *
 * <p>The cases are grouped ({@link Nested}) by part of the contract, and every case reads as a sentence of it.
 * Fidelity is judged by what the probe reads, never by what Switchboard reports. Each case creates its own
 * destinations and closes every producer it opened, so the whole kit shares one broker. Cases for an optional
 * {@link Capability} check both directions: a claimed capability must work as the probe sees it, an unclaimed
 * one must fail {@link Reason#UNSUPPORTED} before anything is sent. The broker outage cases run only when the
 * fixture offers {@link BrokerControl}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
public abstract class BindingCompatibilityKit {
    static {
        // before the fixture (a static field of the subclass, initialised after this class) starts a broker that logs
        CapturingLogProvider.select();
    }

    /**
     * The fixture the kit runs on. Called once per case; return one shared instance (a static field), since
     * every case creates its own destinations on the fixture's broker.
     */
    protected abstract BindingFixture fixture();

    // One nested class per part of the contract; each part's cases are in its own file, named after it.

    @Nested
    @DisplayName("Lifecycle")
    class Lifecycle extends LifecycleContract {
        Lifecycle() {
            super(BindingCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Fidelity, as the broker's own client sees it")
    class Fidelity extends FidelityContract {
        Fidelity() {
            super(BindingCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Asynchronous sending and flow control")
    class AsynchronousSending extends AsynchronousSendingContract {
        AsynchronousSending() {
            super(BindingCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("The caller is never blocked")
    class CallerNeverBlocked extends CallerNeverBlockedContract {
        CallerNeverBlocked() {
            super(BindingCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Flush and close")
    class FlushAndClose extends FlushAndCloseContract {
        FlushAndClose() {
            super(BindingCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Partitioning and ordering")
    class PartitioningAndOrdering extends PartitioningAndOrderingContract {
        PartitioningAndOrdering() {
            super(BindingCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Errors and bad input")
    class ErrorsAndBadInput extends ErrorsAndBadInputContract {
        ErrorsAndBadInput() {
            super(BindingCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Secrets are never shown")
    class Secrets extends SecretsContract {
        Secrets() {
            super(BindingCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Delivery guarantees")
    class DeliveryGuarantees extends DeliveryGuaranteesContract {
        DeliveryGuarantees() {
            super(BindingCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Capabilities honesty")
    class CapabilitiesHonesty extends CapabilitiesHonestyContract {
        CapabilitiesHonesty() {
            super(BindingCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Broker outage")
    class BrokerOutage extends BrokerOutageContract {
        BrokerOutage() {
            super(BindingCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Reliability under faults")
    class ReliabilityUnderFaults extends ReliabilityUnderFaultsContract {
        ReliabilityUnderFaults() {
            super(BindingCompatibilityKit.this);
        }
    }
}
