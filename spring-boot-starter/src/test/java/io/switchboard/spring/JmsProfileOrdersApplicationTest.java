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

import io.switchboard.embedded.jms.EmbeddedArtemis;
import io.switchboard.embedded.jms.EmbeddedJmsBroker;
import io.switchboard.spring.orders.Order;
import io.switchboard.spring.orders.OrderService;
import io.switchboard.spring.orders.OrdersApplication;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same sample application, switched to JMS on an embedded Artemis broker by its {@code jms} profile
 * (application-jms.yml): no line of its code changes. Read back with Artemis's own JMS client.
 */
@SpringBootTest(classes = OrdersApplication.class)
@ActiveProfiles("jms")
@DirtiesContext
class JmsProfileOrdersApplicationTest {
    static final EmbeddedJmsBroker BROKER = EmbeddedArtemis.builder().build();

    static {
        BROKER.start();
    }

    @Autowired
    OrderService orders;

    /** Only the broker's address comes from the test: its port is chosen when it starts. */
    @DynamicPropertySource
    static void brokerAddress(DynamicPropertyRegistry registry) {
        registry.add("switchboard.jms.jndi[connectionFactory.ConnectionFactory]", BROKER::brokerUrl);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @Test
    @DisplayName("The jms profile sends the orders to an Artemis queue, as JSON")
    void profileSwitchesTheBroker() throws Exception {
        for (int i = 0; i < 10; i++) {
            orders.place(new Order("j-" + i, "customer-" + i, i)).get(30, TimeUnit.SECONDS);
        }
        assertThat(orders.producer().binding()).isEqualTo("jms");

        List<String> read = new ArrayList<>();
        try (JMSContext context = BROKER.connectionFactory().createContext();
             JMSConsumer consumer = context.createConsumer(context.createQueue(OrderService.TOPIC))) {
            Message message;
            while (read.size() < 10 && (message = consumer.receive(TimeUnit.SECONDS.toMillis(10))) != null) {
                BytesMessage bytes = (BytesMessage) message;
                byte[] body = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(body);
                read.add(new String(body, StandardCharsets.UTF_8));
            }
        }
        assertThat(read).hasSize(10).contains("{\"id\":\"j-3\",\"customer\":\"customer-3\",\"quantity\":3}");
    }
}
