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
package io.switchboard.testing.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends generated messages and holds each outcome to the contract for bad input: a send is acknowledged, or it
 * fails with a {@link MessagingException} whose reason is one of those documented for bad input and whose message
 * names what was wrong. No other exception escapes, from building the message or from the send. What was
 * acknowledged is returned, for the test to find in the broker with the broker's own client.
 */
public final class SendCheck {

    /** The header that carries each send's identity, to find it in the broker. */
    public static final String ID_HEADER = "check-id";

    private static final Set<Reason> BAD_INPUT = Set.of(Reason.INVALID_ARGUMENT, Reason.TOO_LARGE, Reason.NOT_FOUND);
    private static final List<String> FIELDS = List.of("destination", "key", "header", "value", "size", "large",
            "topic", "queue");

    private SendCheck() {
    }

    /**
     * A send that was acknowledged.
     *
     * @param id          its {@value #ID_HEADER}
     * @param destination where it went
     * @param valueSize   its value's size
     */
    public record Accepted(String id, String destination, int valueSize) {
    }

    /**
     * Sends each message and checks its outcome.
     *
     * @param producer a producer of byte values
     * @param sends    the generated sends
     * @param bound    how long one send may take to finish
     * @return the sends that were acknowledged
     */
    public static List<Accepted> send(Producer<byte[]> producer, List<GeneratedSend> sends, Duration bound) {
        List<Accepted> accepted = new ArrayList<>();
        for (GeneratedSend send : sends) {
            String id = UUID.randomUUID().toString();
            MessagingException refused = null;
            try {
                CompletableFuture<Receipt> sent = producer.sendAsync(message(send, id));
                sent.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            } catch (MessagingException e) {
                refused = e;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).as("the failure of " + send).isInstanceOf(MessagingException.class);
                refused = (MessagingException) e.getCause();
            } catch (TimeoutException e) {
                throw new AssertionError(send + " had no outcome within " + bound, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (refused == null) {
                accepted.add(new Accepted(id, send.destination(), send.valueSize()));
            } else {
                assertThat(refused.reason()).as(send + ": " + refused.getMessage()).isIn(BAD_INPUT);
                assertThat(refused.getMessage()).as(send + ": the message names the field")
                        .containsAnyOf(FIELDS.toArray(String[]::new));
            }
        }
        return accepted;
    }

    private static Message<byte[]> message(GeneratedSend send, String id) {
        byte[] value = new byte[send.valueSize()];
        Arrays.fill(value, (byte) 'v');
        return Message.to(send.destination()).key(send.key()).header(send.headerName(), send.headerValue())
                .header(ID_HEADER, id).value(value);
    }
}
