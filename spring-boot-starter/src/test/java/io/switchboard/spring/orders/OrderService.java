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
package io.switchboard.spring.orders;

import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.Receipt;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;

/** The sample application's only use of Switchboard: an injected producer, and no broker named in the code. */
@Service
public class OrderService {
    public static final String TOPIC = "orders";

    private final Producer<Order> producer;

    public OrderService(Producer<Order> producer) {
        this.producer = producer;
    }

    /** Sends the order, keyed by its customer so one customer's orders stay in order. */
    public CompletableFuture<Receipt> place(Order order) {
        return producer.sendAsync(Message.to(TOPIC).key(order.customer()).value(order));
    }

    public Producer<Order> producer() {
        return producer;
    }
}
