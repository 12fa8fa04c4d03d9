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

import io.switchboard.tck.broken.BlocksOnNewDestinationKit;
import io.switchboard.tck.broken.BlocksWhileDownKit;
import io.switchboard.tck.broken.DropsOnCloseKit;
import io.switchboard.tck.broken.HangsInFlushKit;
import io.switchboard.tck.broken.IgnoresDeliveryDelayKit;
import io.switchboard.tck.broken.LeaksSecretsKit;
import io.switchboard.tck.broken.LosesHeaderKit;
import io.switchboard.tck.broken.OwnHashPartitionsKit;
import io.switchboard.tck.broken.ReordersOneKeyKit;
import io.switchboard.tck.broken.StoresWhatItFailsKit;
import io.switchboard.tck.broken.SwallowsFailuresKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

/**
 * The kit tests itself: it runs against bindings with one deliberate defect each (in {@code broken}) and must
 * fail the case written for that defect. Each run selects only the group that holds the case, to stay fast.
 *
 * <p>The kits over the broken bindings ({@code broken.*Kit}) are named so that Surefire does not run them on
 * their own; only the {@link EngineTestKit} runs below do.
 */
@DisplayName("the kit catches broken bindings")
class KitCatchesBrokenBindingsTest {

    @Test
    @DisplayName("a binding that drops the records it holds on close fails 'close() delivers every accepted message'")
    void catchesDroppingOnClose() {
        assertCaught(selectNestedClass(List.of(DropsOnCloseKit.class), BindingCompatibilityKit.FlushAndClose.class),
                "closeDeliversEveryAcceptedMessage", null);
    }

    @Test
    @DisplayName("a binding that swaps two messages of a key fails 'each key keeps its order'")
    void catchesReorderingAKey() {
        assertCaught(selectNestedClass(List.of(ReordersOneKeyKit.class),
                BindingCompatibilityKit.PartitioningAndOrdering.class), "perKeyOrderHolds", null);
    }

    @Test
    @DisplayName("a binding that loses a header fails 'headers arrive under the same names with the same values'")
    void catchesLosingAHeader() {
        assertCaught(selectNestedClass(List.of(LosesHeaderKit.class), BindingCompatibilityKit.Fidelity.class),
                "headersArriveUnchanged", null);
    }

    @Test
    @DisplayName("a binding that reports success for a dropped send fails 'no acknowledged message is missing after the broker restarts'")
    void catchesSwallowedFailures() {
        Events tests = assertCaught(selectNestedClass(List.of(SwallowsFailuresKit.class),
                BindingCompatibilityKit.BrokerOutage.class), "noAcknowledgedMessageIsLost", null);
        assertThat(failedCases(tests)).contains("nothingIsAcknowledgedWhileBrokerIsDown");
    }

    @Test
    @DisplayName("a binding that hangs in flush fails 'flush(timeout) returns within its bound'")
    void catchesHangingFlush() {
        assertCaught(selectNestedClass(List.of(HangsInFlushKit.class), BindingCompatibilityKit.FlushAndClose.class),
                "flushReturnsInBound", null);
    }

    @Test
    @DisplayName("a binding that claims DELIVERY_DELAY but ignores it fails the DELIVERY_DELAY capability case")
    void catchesAFalseCapabilityClaim() {
        assertCaught(selectNestedClass(List.of(IgnoresDeliveryDelayKit.class),
                BindingCompatibilityKit.CapabilitiesHonesty.class), "eachCapabilityIsHonest", "DELIVERY_DELAY");
    }

    @Test
    @DisplayName("a binding that blocks the caller while the broker is down fails 'sendAsync() still returns at once'")
    void catchesBlockingTheCaller() {
        // one case only: this binding blocks every other outage case for its full 30 seconds per send
        assertCaught(selectNestedMethod(List.of(BlocksWhileDownKit.class), BindingCompatibilityKit.BrokerOutage.class,
                "sendAsyncDoesNotBlockWhileBrokerIsDown"), "sendAsyncDoesNotBlockWhileBrokerIsDown", null);
    }

    @Test
    @DisplayName("a binding that picks keyed partitions with its own hash fails 'each key lands on the partition the broker's own producer picks'")
    void catchesItsOwnHash() {
        assertCaught(selectNestedClass(List.of(OwnHashPartitionsKit.class),
                BindingCompatibilityKit.PartitioningAndOrdering.class), "keysLandWhereTheNativeProducerPutsThem", null);
    }

    @Test
    @DisplayName("a binding that looks up a new destination on the caller's thread fails 'the first sendAsync() to each destination ... returns within 500 ms'")
    void catchesBlockingOnANewDestination() {
        Events tests = assertCaught(selectNestedClass(List.of(BlocksOnNewDestinationKit.class),
                BindingCompatibilityKit.CallerNeverBlocked.class), "firstSendToANewDestination", null);
        assertThat(failedCases(tests)).contains("firstSendOfANewProducer");
    }

    @Test
    @DisplayName("a binding that logs its configuration unmasked fails 'no secret appears in a working producer's ... log lines'")
    void catchesLeakingASecret() {
        assertCaught(selectNestedClass(List.of(LeaksSecretsKit.class), BindingCompatibilityKit.Secrets.class),
                "noSecretWhileWorking", null);
    }

    @Test
    @DisplayName("the binding that acknowledges while the broker is down also fails 'under a schedule of faults nothing acknowledged is lost ...'")
    void catchesAcknowledgingWhatTheBrokerNeverGot() {
        Events tests = assertCaught(selectNestedClass(List.of(SwallowsFailuresKit.class),
                BindingCompatibilityKit.ReliabilityUnderFaults.class), "nothingLostOrHungUnderFaults", null);
        assertThat(whyFailed(tests)).contains("\"acknowledged but missing\"="); // the violations found, not the table
    }

    @Test
    @DisplayName("a binding that fails as 'not written' what it wrote fails 'under a schedule of faults ... nothing not written is stored'")
    void catchesFailingWhatItWrote() {
        Events tests = assertCaught(selectNestedClass(List.of(StoresWhatItFailsKit.class),
                BindingCompatibilityKit.ReliabilityUnderFaults.class), "nothingLostOrHungUnderFaults", null);
        assertThat(whyFailed(tests)).contains("\"failed as not written, yet in the broker\"=");
    }

    /**
     * Runs the selected part of the kit and requires the named case (the invocation whose display name contains
     * {@code invocation}, for a parameterized case) to fail; when a whole group ran, some of its other cases must
     * pass, so the failure is the defect's and not a broken fixture's.
     */
    private static Events assertCaught(DiscoverySelector selector, String caseMethod, String invocation) {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selector).execute().testEvents();
        List<Event> caught = tests.failed().stream()
                .filter(e -> methodName(e.getTestDescriptor()).equals(caseMethod))
                .filter(e -> invocation == null || e.getTestDescriptor().getDisplayName().contains(invocation))
                .toList();
        assertThat(caught).as("failed cases were %s; expected %s%s to fail", failedCases(tests), caseMethod,
                invocation == null ? "" : " [" + invocation + "]").isNotEmpty();
        Optional<Throwable> why = caught.get(0).getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable);
        System.out.println(caseMethod + " caught the defect: " + why.map(Throwable::toString).orElse("?"));
        if (tests.started().count() > 1) {
            assertThat(tests.succeeded().count()).as("cases of the group that passed").isPositive();
        }
        return tests;
    }

    /** The failure message of the first failed case. */
    private static String whyFailed(Events tests) {
        return tests.failed().stream().findFirst()
                .flatMap(e -> e.getPayload(TestExecutionResult.class)).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
    }

    private static List<String> failedCases(Events tests) {
        return tests.failed().stream().map(e -> methodName(e.getTestDescriptor())).distinct().toList();
    }

    private static String methodName(TestDescriptor descriptor) {
        return descriptor.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(MethodSource::getMethodName).orElse(descriptor.getDisplayName());
    }
}
