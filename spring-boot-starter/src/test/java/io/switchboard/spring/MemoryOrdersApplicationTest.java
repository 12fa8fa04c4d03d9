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
import io.micrometer.core.instrument.Timer;
import io.switchboard.Receipt;
import io.switchboard.memory.MemoryBroker;
import io.switchboard.spring.orders.Order;
import io.switchboard.spring.orders.OrderService;
import io.switchboard.spring.orders.OrdersApplication;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.context.SpringBootTest;

/** The sample application on the memory binding, from its application.yml alone. */
@SpringBootTest(classes = OrdersApplication.class)
class MemoryOrdersApplicationTest {
    @Autowired
    OrderService orders;
    @Autowired
    HealthEndpoint health;
    @Autowired
    MeterRegistry registry;

    @Test
    @DisplayName("The injected Producer<Order> sends JSON keyed by customer; health and metrics show the sends")
    void sendsOrders() throws Exception {
        MemoryBroker broker = MemoryBroker.named("orders-test");
        broker.reset();
        List<CompletableFuture<Receipt>> sent = IntStream.range(0, 20)
                .mapToObj(i -> orders.place(new Order("o-" + i, "customer-" + (i % 3), i)))
                .toList();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(java.time.Duration.ofSeconds(10).toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);

        assertThat(orders.producer().binding()).isEqualTo("memory");
        var stored = broker.messages(OrderService.TOPIC);
        assertThat(stored).hasSize(20);
        assertThat(stored.get(0).key()).isEqualTo("customer-0");
        assertThat(new String(stored.get(0).value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"o-0\",\"customer\":\"customer-0\",\"quantity\":0}");

        String json = HealthJson.of(health);
        assertThat(json).contains("\"status\":\"UP\"").contains("\"binding\":\"memory\"")
                .contains("\"clientId\":\"orders-service\"").contains("\"acknowledged\":20");
        long timed = registry.find("switchboard.send").timers().stream().mapToLong(Timer::count).sum();
        assertThat(timed).isEqualTo(20);
    }
}
