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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.Reason;
import io.switchboard.embedded.kafka.EmbeddedKafka;
import io.switchboard.spring.orders.Order;
import io.switchboard.spring.orders.OrderService;
import io.switchboard.spring.orders.OrdersApplication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The sample application on an embedded Kafka broker over SASL/PLAIN, its credentials given as environment
 * variables: what reached the broker is read back with Kafka's own consumer, and the password is in no output.
 */
@SpringBootTest(classes = OrdersApplication.class)
@ContextConfiguration(initializers = KafkaOrdersApplicationTest.KafkaEnvironment.class)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class KafkaOrdersApplicationTest {
    static final String USER = "orders-service";
    static final String PASSWORD = "pw-" + UUID.randomUUID();
    static final EmbeddedKafka BROKER = EmbeddedKafka.builder().saslPlain(Map.of(USER, PASSWORD)).build().start();

    @Autowired
    OrderService orders;
    @Autowired
    HealthEndpoint health;
    @Autowired
    SwitchboardProperties properties;

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @Test
    @DisplayName("Orders reach Kafka as JSON keyed by customer, and the SASL password appears in no output")
    void ordersReachKafka(CapturedOutput output) throws Exception {
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Order order = new Order("k-" + i, "customer-" + (i % 4), i);
            placed.add(order);
            orders.place(order).get(30, TimeUnit.SECONDS);
        }

        List<ConsumerRecord<String, byte[]>> read = readAll(OrderService.TOPIC, placed.size());
        assertThat(read).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(
                placed.stream().map(Order::customer).toList());
        assertThat(read).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .contains("{\"id\":\"k-7\",\"customer\":\"customer-3\",\"quantity\":7}");
        assertThat(orders.producer().binding()).isEqualTo("kafka");

        String healthJson = HealthJson.of(health);
        assertThat(healthJson).contains("\"status\":\"UP\"").contains("\"binding\":\"kafka\"");
        assertThat(List.of(healthJson, output.getAll(), orders.producer().toString(), properties.toString()))
                .allSatisfy(text -> assertThat(text).doesNotContain(PASSWORD));
    }

    @Test
    @DisplayName("With a wrong password the send fails UNAUTHENTICATED, health is DOWN, and no secret is shown")
    void wrongPasswordIsDownWithoutSecrets(CapturedOutput output) {
        String wrong = "wrong-" + UUID.randomUUID();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SwitchboardJsonAutoConfiguration.class,
                        SwitchboardAutoConfiguration.class, SwitchboardHealthAutoConfiguration.class,
                        HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
                        HealthEndpointAutoConfiguration.class))
                .withInitializer(new KafkaEnvironment(wrong))
                .withPropertyValues("switchboard.delivery-timeout=15s", "management.endpoint.health.show-details=always")
                .run(ctx -> {
                    Producer<Object> producer = ctx.getBean("switchboardProducer", Producer.class);
                    assertThatThrownBy(() -> producer.send(Message.to(OrderService.TOPIC).value(new Order("x", "c", 1))))
                            .isInstanceOfSatisfying(MessagingException.class,
                                    e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHENTICATED));
                    String healthJson = HealthJson.of(ctx.getBean(HealthEndpoint.class));
                    assertThat(healthJson).contains("\"status\":\"DOWN\"").contains("UNAUTHENTICATED");
                    assertThat(List.of(healthJson, output.getAll(), producer.toString()))
                            .allSatisfy(text -> assertThat(text).doesNotContain(wrong).doesNotContain(PASSWORD));
                });
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
        Map<String, Object> config = new HashMap<>(BROKER.clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (read.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        return read;
    }

    /**
     * The broker's address and the SASL credentials as the operating system's environment would give them
     * ({@code SWITCHBOARD_KAFKA_SASL_JAAS_CONFIG} and so on), read by Spring Boot's relaxed binding.
     */
    static final class KafkaEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        private final String password;

        KafkaEnvironment() {
            this(PASSWORD);
        }

        KafkaEnvironment(String password) {
            this.password = password;
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("SWITCHBOARD_BINDING", "kafka");
            BROKER.saslClientProperties(USER, password)
                    .forEach((key, value) -> variables.put(variableOf(key), String.valueOf(value)));
            context.getEnvironment().getPropertySources()
                    .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", variables));
        }

        private static String variableOf(String kafkaKey) {
            return "SWITCHBOARD_KAFKA_" + kafkaKey.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
        }
    }
}
