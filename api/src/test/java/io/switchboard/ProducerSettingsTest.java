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

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Neutral settings")
class ProducerSettingsTest {

    private static MessagingException rejected(Map<String, String> keys) {
        try {
            ProducerSettings.from(keys);
        } catch (MessagingException e) {
            assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
            return e;
        }
        throw new AssertionError("expected " + keys + " to be rejected");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        ProducerSettings s = ProducerSettings.defaults();
        assertThat(s.guarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(s.deliveryTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.maxBlock()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.bufferWhenFull()).isEqualTo(BufferFullPolicy.BLOCK);
        assertThat(s.bufferMaxMessages()).isEqualTo(10_000);
        assertThat(s.bufferMaxBytes()).isEqualTo(64L << 20);
        assertThat(s.maxMessageSize()).isEqualTo(1 << 20);
        assertThat(s.partitioner()).isEqualTo(PartitionStrategy.NATIVE);
        assertThat(s.retryMaxAttempts()).isEqualTo(1);
        assertThat(s.contentTypeHeader()).isTrue();
        assertThat(s.linger()).isNull();
        assertThat(s.clientId()).startsWith("switchboard-");
    }

    @Test
    void valuesAreReadWithUnitsAndSpellings() {
        ProducerSettings s = ProducerSettings.from(Map.of(
                "switchboard.delivery-timeout", "2m", "switchboard.max-block", "PT0.5S", "switchboard.linger", "5ms",
                "switchboard.buffer.max-bytes", "8MiB", "switchboard.max-message-size", "512KiB",
                "switchboard.guarantee", "effectively-once", "switchboard.buffer.when-full", "FAIL",
                "switchboard.partitioner", "round_robin", "switchboard.compression", "zstd",
                "switchboard.content-type-header", "false"));
        assertThat(s.deliveryTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.maxBlock()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.linger()).isEqualTo(Duration.ofMillis(5));
        assertThat(s.bufferMaxBytes()).isEqualTo(8L << 20);
        assertThat(s.maxMessageSize()).isEqualTo(512 << 10);
        assertThat(s.guarantee()).isEqualTo(DeliveryGuarantee.EFFECTIVELY_ONCE);
        assertThat(s.bufferWhenFull()).isEqualTo(BufferFullPolicy.FAIL);
        assertThat(s.partitioner()).isEqualTo(PartitionStrategy.ROUND_ROBIN);
        assertThat(s.compression()).isEqualTo(Compression.ZSTD);
        assertThat(s.contentTypeHeader()).isFalse();
    }

    @Test
    void unknownKeySuggestsTheClosestKnownKey() {
        assertThat(rejected(Map.of("switchboard.delivery-timout", "5s")))
                .hasMessage("invalid Switchboard settings: unknown setting 'switchboard.delivery-timout'; "
                        + "did you mean 'switchboard.delivery-timeout'?");
    }

    @Test
    void malformedDurationNamesTheKeyAndTheExpectedForm() {
        assertThat(rejected(Map.of("switchboard.delivery-timeout", "abc")))
                .hasMessage("invalid Switchboard settings: 'switchboard.delivery-timeout' is 'abc'; expected a duration "
                        + "with a unit, such as 500ms, 30s, 2m, 1h, or ISO-8601 such as PT30S");
    }

    @Test
    void aNumberWithoutUnitIsNotADuration() {
        assertThat(rejected(Map.of("switchboard.max-block", "500"))).hasMessageContaining("'switchboard.max-block' is '500'");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertThat(rejected(Map.of("switchboard.guarantee", "exactly-once", "switchboard.buffer.max-messages", "lots",
                "switchboard.content-type-header", "yes")).getMessage())
                .contains("'switchboard.guarantee' is 'exactly-once'; expected one of at-most-once, at-least-once, effectively-once")
                .contains("'switchboard.buffer.max-messages' is 'lots'; expected a whole number such as 1000")
                .contains("'switchboard.content-type-header' is 'yes'; expected true or false");
    }

    @Test
    void valuesThatContradictEachOtherNameBothKeys() {
        assertThat(rejected(Map.of("switchboard.max-message-size", "2MiB", "switchboard.buffer.max-bytes", "1MiB")))
                .hasMessageContaining("switchboard.max-message-size (2097152) is larger than switchboard.buffer.max-bytes (1048576)");
        assertThat(rejected(Map.of("switchboard.linger", "10s", "switchboard.delivery-timeout", "5s")))
                .hasMessageContaining("switchboard.linger (PT10S) is not shorter than switchboard.delivery-timeout (PT5S)");
    }

    @Test
    void customPartitionerIsOnlySetInCode() {
        assertThat(rejected(Map.of("switchboard.partitioner", "custom"))).hasMessageContaining("ProducerBuilder.partitioner");
    }

    @Test
    void environmentVariablesMapToNeutralAndBindingKeys() {
        ProducerBuilder<byte[]> builder = Switchboard.builder().environment(Map.of(
                "SWITCHBOARD_DELIVERY_TIMEOUT", "10s", "SWITCHBOARD_BUFFER_MAX_MESSAGES", "7",
                "SWITCHBOARD_DELIVERY_TIMEOT", "1s", "PATH", "/bin"));
        assertThatThrownBy(builder::build)
                .hasMessageContaining("unknown setting 'switchboard.delivery-timeot' (from environment variable "
                        + "SWITCHBOARD_DELIVERY_TIMEOT); did you mean 'switchboard.delivery-timeout'?");
    }

    @Test
    void bindingKeysThatBelongToNoBindingAreRejected(@TempDir java.nio.file.Path dir) {
        assertThatThrownBy(() -> Switchboard.builder().classLoader(TestBindings.registering(dir, TestBindings.Beta.class))
                .property("bootstrap.servers", "x").build())
                .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessageContaining("unknown setting 'bootstrap.servers'");
    }
}
