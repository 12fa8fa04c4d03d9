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

import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.Reason;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import io.switchboard.spi.DeadlineMargin;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.impl.PulsarClientImpl;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * How the binding reads its keys, without a broker: Pulsar's client connects only when a destination's producer
 * opens, so a producer can be built against an address nobody listens on.
 */
class ConfigurationTest {
    private static final String NOWHERE = "pulsar://127.0.0.1:1";

    @Test
    void aProducerIsBuiltWithoutConnecting() {
        try (Producer<String> producer = build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE))) {
            assertThat(producer.binding()).isEqualTo("pulsar");
            assertThat(producer.unwrap(PulsarClient.class)).isNotNull();
        }
    }

    @Test
    void aPulsarUrlSetsTheServiceUrl() {
        try (Producer<String> producer = Switchboard.builder(Serializers.string()).url("pulsar://127.0.0.1:6650").build()) {
            assertThat(serviceUrlOf(producer)).isEqualTo("pulsar://127.0.0.1:6650");
        }
        try (Producer<String> producer = Switchboard.builder(Serializers.string())
                .url("pulsar://h1:6650,h2:6650/?switchboard.delivery-timeout=5s").build()) {
            assertThat(serviceUrlOf(producer)).isEqualTo("pulsar://h1:6650,h2:6650");
        }
    }

    @Test
    void theServiceUrlKeyAndTheClientKeyAreOneSetting() {
        try (Producer<String> producer = build(Map.of("pulsar.client.serviceUrl", NOWHERE))) {
            assertThat(serviceUrlOf(producer)).isEqualTo(NOWHERE);
        }
        MessagingException e = invalid(() -> build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE,
                "pulsar.client.serviceUrl", "pulsar://127.0.0.1:2")));
        assertThat(e.getMessage()).contains(PulsarKeys.SERVICE_URL).contains("pulsar.client.serviceUrl");
    }

    @Test
    void aMissingServiceUrlIsNamed() {
        MessagingException e = invalid(() -> build(Map.of()));
        assertThat(e.getMessage()).contains(PulsarKeys.SERVICE_URL).contains("pulsar://");
    }

    @Test
    void clientAndProducerSettingsReachPulsar() {
        try (Producer<String> producer = build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE,
                "pulsar.client.operationTimeoutMs", "4321", "pulsar.client.numIoThreads", "2",
                "pulsar.producer.batchingMaxMessages", "10"))) {
            PulsarClientImpl client = (PulsarClientImpl) producer.unwrap(PulsarClient.class);
            assertThat(client.getConfiguration().getOperationTimeoutMs()).isEqualTo(4321);
            assertThat(client.getConfiguration().getLookupTimeoutMs()).as("lookups follow a given operation timeout")
                    .isEqualTo(4321);
            assertThat(client.getConfiguration().getNumIoThreads()).isEqualTo(2);
        }
    }

    @Test
    void neutralSettingsDecidePulsarsClientLimits() {
        try (Producer<String> producer = build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE,
                "switchboard.delivery-timeout", "2s"))) {
            PulsarClientImpl client = (PulsarClientImpl) producer.unwrap(PulsarClient.class);
            assertThat(client.getConfiguration().getMemoryLimitBytes()).as("Pulsar's own memory limit (off)").isZero();
            assertThat(client.getConfiguration().getOperationTimeoutMs()).as("operation timeout")
                    .isEqualTo(NeutralMapping.sendTimeoutMillis(Duration.ofSeconds(2)));
            assertThat(client.getConfiguration().getLookupTimeoutMs()).as("lookup timeout, as the operation timeout")
                    .isEqualTo(NeutralMapping.sendTimeoutMillis(Duration.ofSeconds(2)));
            assertThat(client.getConfiguration().getKeepAliveIntervalSeconds()).as("keep-alive, at least 5 s").isEqualTo(5);
        }
        try (Producer<String> producer = build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE,
                "switchboard.delivery-timeout", "2m"))) {
            PulsarClientImpl client = (PulsarClientImpl) producer.unwrap(PulsarClient.class);
            assertThat(client.getConfiguration().getKeepAliveIntervalSeconds()).as("keep-alive, at most Pulsar's 30 s")
                    .isEqualTo(30);
        }
        try (Producer<String> producer = build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE,
                "switchboard.delivery-timeout", "40s"))) {
            PulsarClientImpl client = (PulsarClientImpl) producer.unwrap(PulsarClient.class);
            assertThat(client.getConfiguration().getKeepAliveIntervalSeconds()).as("keep-alive, a third of 39 s")
                    .isEqualTo(13);
        }
    }

    @Test
    void pulsarGivesUpALittleBeforeTheDeliveryTimeout() {
        // the shared DeadlineMargin: a tenth of the delivery timeout, 100 ms to 1 s, never more than half
        assertThat(NeutralMapping.sendTimeoutMillis(Duration.ofSeconds(30))).isEqualTo(29_000);
        assertThat(NeutralMapping.sendTimeoutMillis(Duration.ofSeconds(2))).isEqualTo(1_800);
        assertThat(NeutralMapping.sendTimeoutMillis(Duration.ofMillis(300))).isEqualTo(200);
        assertThat(NeutralMapping.sendTimeoutMillis(Duration.ofMillis(20))).isEqualTo(10);
        assertThat(NeutralMapping.sendTimeoutMillis(Duration.ofMillis(1))).as("never zero, Pulsar's 'no timeout'")
                .isEqualTo(1);
        for (Duration timeout : List.of(Duration.ofMillis(150), Duration.ofSeconds(5), Duration.ofMinutes(2))) {
            assertThat(NeutralMapping.sendTimeoutMillis(timeout)).as("send timeout for %s", timeout)
                    .isEqualTo(timeout.minus(DeadlineMargin.of(timeout)).toMillis());
        }
    }

    @Test
    void anUnknownBindingKeyIsNamed() {
        MessagingException e = invalid(() -> build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE, "pulsar.servceUrl", "x")));
        assertThat(e.getMessage()).contains("pulsar.servceUrl").contains(PulsarKeys.CLIENT_PREFIX);
    }

    @Test
    void aMistypedPulsarSettingSuggestsTheRealOne() {
        MessagingException client = invalid(() -> build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE,
                "pulsar.client.operationTimeout", "1000")));
        assertThat(client.getMessage()).contains("pulsar.client.operationTimeout'").contains("pulsar.client.operationTimeoutMs");
        MessagingException producer = invalid(() -> build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE,
                "pulsar.producer.batchingMaxMessage", "10")));
        assertThat(producer.getMessage()).contains("pulsar.producer.batchingMaxMessages");
    }

    @Test
    void aSettingThatTakesAnObjectIsRefused() {
        MessagingException e = invalid(() -> build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE,
                "pulsar.producer.customMessageRouter", "com.example.Router")));
        assertThat(e.getMessage()).contains("pulsar.producer.customMessageRouter").contains("object");
    }

    @Test
    void aValuePulsarCannotReadIsNamed() {
        MessagingException e = invalid(() -> build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE,
                "pulsar.producer.batchingMaxMessages", "lots")));
        assertThat(e.getMessage()).contains("pulsar.producer.batchingMaxMessages").contains("lots");
    }

    @Test
    void theTopicComesFromEachMessage() {
        MessagingException e = invalid(() -> build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE,
                "pulsar.producer.topicName", "orders")));
        assertThat(e.getMessage()).contains("pulsar.producer.topicName");
    }

    @Test
    void aPulsarKeyThatContradictsANeutralKeyNamesBoth() {
        assertContradiction("pulsar.producer.sendTimeoutMs", "60000", "switchboard.delivery-timeout", "30s");
        assertContradiction("pulsar.producer.sendTimeoutMs", "0", "switchboard.delivery-timeout", "30s");
        assertContradiction("pulsar.producer.blockIfQueueFull", "true", "switchboard.buffer.when-full", "block");
        assertContradiction("pulsar.producer.maxPendingMessages", "20000", "switchboard.buffer.max-messages", "10000");
        assertContradiction("pulsar.producer.compressionType", "LZ4", "switchboard.compression", "zstd");
        assertContradiction("pulsar.producer.batchingEnabled", "true", "switchboard.linger", "0");
        assertContradiction("pulsar.producer.batchingMaxPublishDelayMicros", "1000", "switchboard.linger", "5ms");
        assertContradiction("pulsar.producer.batchingMaxBytes", "1000", "switchboard.batch.max-bytes", "2000");
    }

    @Test
    void aPulsarKeyThatAgreesWithItsNeutralKeyIsAccepted() {
        Map<String, String> agreeing = new LinkedHashMap<>();
        agreeing.put(PulsarKeys.SERVICE_URL, NOWHERE);
        agreeing.put("switchboard.compression", "lz4");
        agreeing.put("pulsar.producer.compressionType", "LZ4");
        agreeing.put("switchboard.linger", "5ms");
        agreeing.put("pulsar.producer.batchingMaxPublishDelayMicros", "5000");
        agreeing.put("pulsar.producer.sendTimeoutMs", "10000");
        agreeing.put("pulsar.producer.maxPendingMessages", "100");
        try (Producer<String> producer = build(agreeing)) {
            assertThat(producer.binding()).isEqualTo("pulsar");
        }
    }

    @Test
    void aTokenAndAnAuthenticationPluginCannotBothBeSet() {
        MessagingException e = invalid(() -> build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE, PulsarKeys.AUTH_TOKEN, "t",
                "pulsar.client.authPluginClassName", "org.apache.pulsar.client.impl.auth.AuthenticationToken")));
        assertThat(e.getMessage()).contains(PulsarKeys.AUTH_TOKEN).contains("pulsar.client.authPluginClassName");
    }

    @Test
    void theProducerBoundMustBeAPositiveNumber() {
        MessagingException e = invalid(() -> build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE, PulsarKeys.MAX_PRODUCERS, "0")));
        assertThat(e.getMessage()).contains(PulsarKeys.MAX_PRODUCERS);
    }

    @Test
    void secretsAreNeverShown() {
        String token = "eyJhbGciOiJIUzI1NiJ9.secret-claims.secret-signature";
        String params = "token:" + token;
        PulsarConfiguration configuration = PulsarConfiguration.read(new io.switchboard.spi.BindingConfig(
                io.switchboard.ProducerSettings.defaults(), "pulsar",
                Map.of("serviceUrl", NOWHERE, "client.authParams", params,
                        "client.authPluginClassName", "org.apache.pulsar.client.impl.auth.AuthenticationToken"),
                Map.of()));
        assertThat(configuration.toString()).doesNotContain(token).contains("authParams=****");
        assertThat(configuration.redact("failed with " + params)).doesNotContain(token);
        try (Producer<String> producer = build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE, PulsarKeys.AUTH_TOKEN, token))) {
            assertThat(producer.toString()).doesNotContain(token);
        }
        MessagingException e = invalid(() -> build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE, PulsarKeys.AUTH_TOKEN, token,
                "pulsar.producer.sendTimeoutMs", "999999")));
        assertThat(e.getMessage()).doesNotContain(token);
    }

    private static void assertContradiction(String pulsarKey, String pulsarValue, String neutralKey, String neutralValue) {
        MessagingException e = invalid(() -> build(Map.of(PulsarKeys.SERVICE_URL, NOWHERE, pulsarKey, pulsarValue,
                neutralKey, neutralValue)));
        assertThat(e.getMessage()).as("error for %s=%s against %s=%s", pulsarKey, pulsarValue, neutralKey, neutralValue)
                .contains(pulsarKey).contains(neutralKey);
    }

    private static MessagingException invalid(ThrowingCallable call) {
        Throwable e = catchThrowable(call);
        assertThat(e).isInstanceOf(MessagingException.class);
        assertThat(((MessagingException) e).reason()).as("reason of: " + e.getMessage()).isEqualTo(Reason.INVALID_ARGUMENT);
        return (MessagingException) e;
    }

    private static Producer<String> build(Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("switchboard.binding", "pulsar");
        all.putAll(properties);
        return Switchboard.builder(Serializers.string()).properties(all).build();
    }

    private static String serviceUrlOf(Producer<?> producer) {
        return ((PulsarClientImpl) producer.unwrap(PulsarClient.class)).getConfiguration().getServiceUrl();
    }
}
