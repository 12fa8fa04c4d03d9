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
package io.switchboard.cli.demo;

import io.switchboard.Destination;
import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.Receipt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The demo's application: orders keyed by customer, with headers, sent asynchronously and flushed. It knows
 * nothing of any broker: the demo runs this very code on each binding with only the configuration changed.
 */
final class OrdersApplication {
    private static final List<String> CUSTOMERS = List.of("customer-7", "customer-42", "customer-8", "customer-1234");

    private OrdersApplication() {
    }

    /** Sends {@code count} orders to {@code orders} and returns each with its receipt, in send order. */
    static List<Sent> sendOrders(Producer<String> producer, Destination orders, int count) {
        List<Message<String>> messages = new ArrayList<>();
        List<CompletableFuture<Receipt>> futures = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String customer = CUSTOMERS.get(i % CUSTOMERS.size());
            Message<String> message = Message.to(orders).key(customer).header("source", i % 2 == 0 ? "web" : "mobile")
                    .header("order-id", "o-" + i).value("order " + i + " for " + customer);
            messages.add(message);
            futures.add(producer.sendAsync(message));
        }
        producer.flush(Duration.ofSeconds(30));
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            sent.add(new Sent(messages.get(i), futures.get(i).join()));
        }
        return sent;
    }

    /** One order and its receipt. */
    record Sent(Message<String> message, Receipt receipt) {
    }
}
