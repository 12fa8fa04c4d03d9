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
package io.switchboard.kafka;

import io.switchboard.embedded.kafka.EmbeddedKafka;
import io.switchboard.faults.FaultyProxy;
import io.switchboard.tck.kafka.KafkaFixture;

import io.switchboard.testing.TestSecrets;
import io.switchboard.testing.tls.TestTls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The one real broker of the test run, started on first use and closed when the JVM exits: KRaft, topics are
 * not created automatically (so a missing topic is missing), a SASL/PLAIN listener with two users, and ACLs
 * (a topic is open to everyone until a test denies it to a user), and SSL and SASL_SSL listeners. Tests share it, so they use unique topic names;
 * tests that stop it start it again before they end.
 */
final class TestBroker {
    static final String ALICE = "alice";
    static final String ALICE_PASSWORD = TestSecrets.generate("alice");
    static final String BOB = "bob";
    static final String BOB_PASSWORD = TestSecrets.generate("bob");
    /** The broker's certificate (it names 127.0.0.1), an expired one, and the trust in their CA and in another. */
    static final TestTls TLS = TestTls.generate(Path.of("target", "test-tls"));

    private static volatile EmbeddedKafka broker;
    /** In front of the broker's listener that advertises it: the faulty link of the kit's reliability cases. */
    static final FaultyProxy PROXY = KafkaFixture.proxyTo(() -> broker);

    private TestBroker() {
    }

    /** The running broker (started again if a test left it stopped). */
    static synchronized EmbeddedKafka get() {
        if (broker == null) {
            EmbeddedKafka started = EmbeddedKafka.builder()
                    .autoCreateTopics(false)
                    .saslPlain(Map.of(ALICE, ALICE_PASSWORD, BOB, BOB_PASSWORD))
                    .aclAuthorization(true)
                    .tls(TLS.server().keyStore(), TLS.server().password())
                    .advertisedThrough(PROXY.port())
                    .timeout(Duration.ofSeconds(60))
                    .build()
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-broker-close"));
            broker = started;
        }
        if (!broker.isRunning()) {
            broker.start();
        }
        return broker;
    }
}
