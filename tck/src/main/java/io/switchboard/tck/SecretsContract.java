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

import io.switchboard.CloseResult;
import io.switchboard.FlushResult;
import io.switchboard.Message;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Receipt;
import io.switchboard.Serializers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Passwords, tokens and key material never reach anything a user can see: exception messages and their causes,
 * {@code toString} of producers, receipts and results, and the log lines of the case (see
 * {@link CapturingLogProvider}). The fixture names the secrets ({@link BindingFixture#secretSettings()}).
 */
abstract class SecretsContract extends ContractPart {
    /** A short delivery timeout for the wrong secret's sends, so that a binding that retries still ends soon. */
    static final Duration WRONG_SECRET_TIMEOUT = Duration.ofSeconds(5);

    SecretsContract(BindingCompatibilityKit kit) {
        super(kit);
    }

    @Test
    @DisplayName("no secret appears in a working producer's toString, receipts, results or log lines")
    void noSecretWhileWorking() {
        SecretSettings secrets = requireSecrets();
        try (CaseLogs logs = CaseLogs.begin()) {
            Shown shown = new Shown();
            Producer<String> producer = scope.open(Serializers.string(), secrets.working(), null);
            shown.add("the producer's toString()", producer);
            Receipt receipt = producer.send(Message.to(secrets.destination()).key("k").value("secret-case"));
            shown.add("a receipt", receipt);
            CompletableFuture<Receipt> future = producer.sendAsync(Message.to(secrets.destination()).value("again"));
            FlushResult flushed = flushInBound(producer, FLUSH_TIMEOUT);
            shown.add("a flush result", flushed);
            shown.add("a future", future);
            assertThat(future).as("a send with the working secrets").succeedsWithin(PATIENCE);
            CloseResult closed = producer.close(CLOSE_TIMEOUT_USED);
            shown.add("a close result", closed);
            shown.add("the producer's toString() after close", producer);
            shown.addLogs(logs);
            shown.requireNone(secrets.secrets());
        }
    }

    @Test
    @DisplayName("no secret appears in the error of a bad setting next to the secrets")
    void noSecretInConfigurationErrors() {
        SecretSettings secrets = requireSecrets();
        try (CaseLogs logs = CaseLogs.begin()) {
            Shown shown = new Shown();
            Map<String, String> bad = new LinkedHashMap<>(secrets.working());
            bad.put(ProducerSettings.DELIVERY_TIMEOUT, "soon");
            bad.put("switchboard.delivery-timout", "30s");
            Throwable refused = catchThrowable(() -> scope.open(Serializers.string(), bad, null));
            assertThat(refused).as("building a producer with a malformed and an unknown setting").isNotNull();
            shown.add("the build error", refused);
            shown.addLogs(logs);
            shown.requireNone(secrets.secrets());
        }
    }

    @Test
    @DisplayName("with a wrong secret, sends fail and neither secret appears in the failure, its causes or the log lines")
    void noSecretWhenTheBrokerRefusesIt() {
        SecretSettings secrets = requireSecrets();
        assumeTrue(!secrets.wrong().isEmpty(), "the fixture's broker does not authenticate (SecretSettings.wrong()"
                + " is empty), so there is no refused secret to look for");
        try (CaseLogs logs = CaseLogs.begin()) {
            Shown shown = new Shown();
            Map<String, String> wrong = new LinkedHashMap<>(secrets.wrong());
            wrong.put(ProducerSettings.DELIVERY_TIMEOUT, WRONG_SECRET_TIMEOUT.toMillis() + "ms");
            Producer<String> producer;
            try {
                producer = scope.open(Serializers.string(), wrong, null);
            } catch (RuntimeException refusedAtBuild) {
                shown.add("the build error", refusedAtBuild);
                shown.addLogs(logs);
                shown.requireNone(secrets.secrets());
                return;
            }
            shown.add("the producer's toString()", producer);
            CompletableFuture<Receipt> future = producer.sendAsync(Message.to(secrets.destination()).value("refused"));
            Duration bound = WRONG_SECRET_TIMEOUT.plus(DEADLINE_TOLERANCE).plus(MARGIN);
            await("the send with a wrong secret to finish").atMost(bound).until(future::isDone);
            Throwable failure = future.handle((r, e) -> e).join();
            assertThat(failure).as("a send with a wrong secret was acknowledged").isNotNull();
            shown.add("the send's failure", failure);
            shown.add("a flush result", flushInBound(producer, FLUSH_TIMEOUT));
            shown.add("a close result", producer.close(CLOSE_TIMEOUT_USED));
            shown.addLogs(logs);
            shown.requireNone(secrets.secrets());
        }
    }

    @Test
    @DisplayName("the kit sees the log lines of the binding's logging (SLF4J) and of the core (platform logging)")
    void logLinesAreCaptured() {
        requireSecrets();
        assumeTrue(CaseLogs.slf4jCaptured(), "SLF4J started with another provider before the kit, so the secret"
                + " cases could not read SLF4J's log lines: run the tests with -D" + CaseLogs.PROVIDER_PROPERTY + "="
                + CapturingLogProvider.class.getName());
        try (CaseLogs logs = CaseLogs.begin()) {
            LoggerFactory.getLogger("io.switchboard.tck.probe").debug("kit probe line {}", 1);
            System.getLogger("io.switchboard.tck.probe").log(System.Logger.Level.DEBUG, "kit platform line");
            assertThat(logs.lines()).as("captured lines").anyMatch(l -> l.contains("kit probe line 1"))
                    .anyMatch(l -> l.contains("kit platform line"));
        }
    }

    private SecretSettings requireSecrets() {
        var settings = fixture().secretSettings();
        assumeTrue(settings.isPresent(), "the fixture names no secret (BindingFixture.secretSettings() is empty):"
                + " the binding takes none, or the fixture does not configure one");
        return settings.get();
    }

    /** Everything a case showed a user, by where it was shown. */
    private static final class Shown {
        private final List<String> places = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();

        void add(String place, Object shown) {
            places.add(place);
            texts.add(shown instanceof Throwable t ? CaseLogs.stackTrace(t) : String.valueOf(shown));
        }

        void addLogs(CaseLogs logs) {
            List<String> lines = logs.lines();
            for (int i = 0; i < lines.size(); i++) {
                places.add("log line " + (i + 1));
                texts.add(lines.get(i));
            }
        }

        /** Fails naming where each secret showed, with the secret itself masked. */
        void requireNone(Set<String> secrets) {
            List<String> leaks = new ArrayList<>();
            int number = 0;
            for (String secret : secrets) {
                number++;
                for (int i = 0; i < texts.size(); i++) {
                    if (texts.get(i).contains(secret)) {
                        String masked = texts.get(i).replace(secret, "<secret " + number + ">");
                        leaks.add(places.get(i) + " shows secret " + number + ": "
                                + (masked.length() > 400 ? masked.substring(0, 400) + "..." : masked));
                    }
                }
            }
            assertThat(leaks).as("places where a secret was shown to the user (%d looked at)", texts.size()).isEmpty();
        }
    }
}
