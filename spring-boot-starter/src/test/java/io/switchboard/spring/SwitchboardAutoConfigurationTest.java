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

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Serializer;
import io.switchboard.Serializers;
import io.switchboard.json.JsonSerializer;
import io.switchboard.memory.MemoryBroker;
import io.switchboard.micrometer.SwitchboardMetrics;
import io.switchboard.opentelemetry.SwitchboardTracing;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration's choices, on the memory binding (no broker to start). */
class SwitchboardAutoConfigurationTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SwitchboardJsonAutoConfiguration.class,
                    SwitchboardAutoConfiguration.class, SwitchboardHealthAutoConfiguration.class))
            .withPropertyValues("switchboard.binding=memory", "switchboard.memory.broker=autoconfig-test",
                    "switchboard.delivery-timeout=5s");

    @Test
    @DisplayName("With switchboard-json present and no Serializer bean, the producer sends JSON")
    void jsonByDefault() {
        context.run(ctx -> {
            assertThat(ctx).hasSingleBean(SwitchboardProducers.class);
            assertThat(ctx.getBean(SwitchboardProducers.class).serializer()).isInstanceOf(JsonSerializer.class);
            Producer<Object> producer = ctx.getBean("switchboardProducer", Producer.class);
            producer.send(Message.to("json-default").value(new Sample("a", 1)));
            byte[] stored = MemoryBroker.named("autoconfig-test").messages("json-default").get(0).value();
            assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"a\",\"count\":1}");
        });
    }

    @Test
    @DisplayName("An application Serializer bean types the producer, which is injected as Producer<String>")
    void serializerBeanTypesTheProducer() {
        context.withUserConfiguration(StringSerializerConfig.class, StringUser.class).run(ctx -> {
            assertThat(ctx.getBean(SwitchboardProducers.class).serializer()).isSameAs(ctx.getBean(Serializer.class));
            StringUser user = ctx.getBean(StringUser.class);
            user.producer.send(Message.to("typed").value("hello"));
            assertThat(MemoryBroker.named("autoconfig-test").messages("typed").get(0).value())
                    .isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    @DisplayName("switchboard.serializer=bytes gives Producer<byte[]> although switchboard-json is present")
    void bytesOnRequest() {
        context.withPropertyValues("switchboard.serializer=bytes").run(ctx ->
                assertThat(ctx.getBean(SwitchboardProducers.class).serializer()).isSameAs(Serializers.bytes()));
    }

    @Test
    @DisplayName("The auto-configuration backs off when the application defines its own Producer")
    void backsOffForAnApplicationProducer() {
        context.withUserConfiguration(OwnProducerConfig.class).run(ctx -> {
            assertThat(ctx).hasSingleBean(Producer.class);
            assertThat(ctx).getBean("ownProducer").isSameAs(ctx.getBean(Producer.class));
            assertThat(ctx.getBean(SwitchboardProducers.class).outcomes()).isEmpty(); // none built on its behalf
        });
    }

    @Test
    @DisplayName("Two Serializer beans stop the start, naming both, unless one is primary")
    void twoSerializersStopTheStart() {
        context.withUserConfiguration(StringSerializerConfig.class)
                .withBean("otherSerializer", Serializer.class, Serializers::bytes)
                .run(ctx -> {
                    assertThat(ctx).hasFailed();
                    assertThat(ctx.getStartupFailure()).hasStackTraceContaining("2 Serializer beans")
                            .hasStackTraceContaining("stringSerializer").hasStackTraceContaining("otherSerializer")
                            .hasStackTraceContaining("mark the one to use @Primary");
                });
    }

    @Test
    @DisplayName("A named producer called 'switchboard' is refused: its bean would be the application producer")
    void reservedProducerName() {
        context.withPropertyValues("switchboard.producers.switchboard.client-id=x").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(rootCause(ctx.getStartupFailure())).hasMessageContaining("switchboard.producers.switchboard")
                    .hasMessageContaining("another name");
        });
    }

    @Test
    @DisplayName("A bad setting fails the start with Switchboard's message, naming the key and the value")
    void badSettingFailsTheStart() {
        context.withPropertyValues("switchboard.delivery-timeout=soon").run(ctx -> {
            assertThat(ctx).hasFailed();
            Throwable root = rootCause(ctx.getStartupFailure());
            assertThat(root).isInstanceOf(MessagingException.class);
            assertThat(((MessagingException) root).reason()).isEqualTo(Reason.INVALID_ARGUMENT);
            assertThat(root.getMessage()).contains(ProducerSettings.DELIVERY_TIMEOUT).contains("soon");
            assertThat(new SwitchboardFailureAnalyzer().analyze(ctx.getStartupFailure()).getDescription())
                    .contains(ProducerSettings.DELIVERY_TIMEOUT);
        });
    }

    @Test
    @DisplayName("Named producers start from the application producer's settings and override them key by key")
    void namedProducers() {
        context.withUserConfiguration(NamedUser.class)
                .withPropertyValues("switchboard.client-id=orders", "switchboard.producers.audit.client-id=audit",
                        "switchboard.producers.audit.memory.broker=autoconfig-audit")
                .run(ctx -> {
                    NamedUser user = ctx.getBean(NamedUser.class);
                    assertThat(user.audit).isNotSameAs(user.application);
                    user.audit.send(Message.to("audit").value(new Sample("x", 2)));
                    assertThat(MemoryBroker.named("autoconfig-audit").messages("audit")).hasSize(1);
                    assertThat(ctx.getBean(SwitchboardProducers.class).outcomes())
                            .containsOnlyKeys("switchboardProducer", "auditProducer");
                    assertThat(ctx.getBean(SwitchboardProducers.class).outcomes().get("auditProducer").producer().clientId())
                            .isEqualTo("audit");
                    assertThat(ctx.getBean(SwitchboardProducers.class).outcomes().get("switchboardProducer").producer().clientId())
                            .isEqualTo("orders");
                });
    }

    @Test
    @DisplayName("Binding keys keep their case and dots, as the binding names them")
    void bindingKeysKeepTheirSpelling() {
        context.withPropertyValues("switchboard.pulsar.client.serviceUrl=pulsar://h:6650",
                        "switchboard.kafka.bootstrap.servers=h:9092",
                        "switchboard.jms.jndi[connectionFactory.ConnectionFactory]=tcp://h:61616")
                .run(ctx -> assertThat(ProducerKeys.of(ctx.getBean(SwitchboardProperties.class)))
                        .containsEntry("pulsar.client.serviceUrl", "pulsar://h:6650")
                        .containsEntry("kafka.bootstrap.servers", "h:9092")
                        .containsEntry("jms.jndi.connectionFactory.ConnectionFactory", "tcp://h:61616")
                        .containsEntry(ProducerSettings.DELIVERY_TIMEOUT, "5s"));
    }

    @Test
    @DisplayName("Closing the context closes the producers after delivering what they accepted")
    void closingTheContextDelivers() {
        var futures = new java.util.ArrayList<java.util.concurrent.CompletableFuture<?>>();
        context.withPropertyValues("switchboard.memory.broker=autoconfig-close").run(ctx -> {
            Producer<Object> producer = ctx.getBean("switchboardProducer", Producer.class);
            for (int i = 0; i < 200; i++) {
                futures.add(producer.sendAsync(Message.to("closing").value(new Sample("n", i))));
            }
        });
        assertThat(futures).allSatisfy(f -> assertThat(f).isCompleted().isNotCompletedExceptionally());
        assertThat(MemoryBroker.named("autoconfig-close").messages("closing")).hasSize(200);
    }

    @Test
    @DisplayName("The application's MeterRegistry gets Switchboard's meters; its OpenTelemetry, Switchboard's spans")
    void observabilityIsWired() {
        context.withConfiguration(AutoConfigurations.of(SwitchboardObservabilityAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(OpenTelemetry.class, OpenTelemetry::noop)
                .run(ctx -> {
                    SwitchboardProducers producers = ctx.getBean(SwitchboardProducers.class);
                    assertThat(producers.interceptors())
                            .containsExactlyInAnyOrder(ctx.getBean(SwitchboardMetrics.class), ctx.getBean(SwitchboardTracing.class));
                    Producer<Object> producer = ctx.getBean("switchboardProducer", Producer.class);
                    producer.send(Message.to("metered").value(new Sample("m", 1)));
                    assertThat(ctx.getBean(MeterRegistry.class).find("switchboard.send").timers())
                            .singleElement().satisfies(t -> assertThat(t.count()).isEqualTo(1));
                });
    }

    @Test
    @DisplayName("Without a MeterRegistry or an OpenTelemetry bean, no interceptor is added")
    void noObservabilityWithoutTheMeans() {
        context.withConfiguration(AutoConfigurations.of(SwitchboardObservabilityAutoConfiguration.class)).run(ctx -> {
            assertThat(ctx).doesNotHaveBean(SwitchboardMetrics.class).doesNotHaveBean(SwitchboardTracing.class);
            assertThat(ctx.getBean(SwitchboardProducers.class).interceptors()).isEmpty();
        });
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    record Sample(String name, int count) {
    }

    @Configuration(proxyBeanMethods = false)
    static class StringSerializerConfig {
        @Bean
        Serializer<String> stringSerializer() {
            return Serializers.string();
        }
    }

    static class StringUser {
        final Producer<String> producer;

        StringUser(Producer<String> producer) {
            this.producer = producer;
        }
    }

    static class NamedUser {
        final Producer<Sample> application;
        final Producer<Sample> audit;

        NamedUser(Producer<Sample> application, @Qualifier("auditProducer") Producer<Sample> audit) {
            this.application = application;
            this.audit = audit;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnProducerConfig {
        @Bean
        Producer<byte[]> ownProducer() {
            return io.switchboard.Switchboard.producer("memory://own", Serializers.bytes());
        }
    }
}
