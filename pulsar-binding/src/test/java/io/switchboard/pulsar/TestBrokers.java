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

import io.switchboard.embedded.pulsar.EmbeddedPulsar;
import io.switchboard.embedded.pulsar.EmbeddedPulsarExtension;
import io.switchboard.tck.pulsar.PulsarFixture;
import io.switchboard.testing.tls.TestTls;
import java.nio.file.Path;
import java.util.Set;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.admin.PulsarAdminException;
import org.apache.pulsar.client.api.AuthenticationFactory;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.common.policies.data.AuthAction;

/**
 * The brokers of this module's test run. Test classes that register an extension with the same builder share one
 * broker for the whole run (the extension keys brokers by their settings), so the run starts two at most.
 */
final class TestBrokers {
    private TestBrokers() {
    }

    /**
     * The broker most tests use: topics must be created first (so a missing topic is NOT_FOUND), every namespace
     * deduplicates, as effectively-once needs (a test namespace turns it off to show the difference), and a delayed
     * message is never delivered before its time. Pulsar's default ({@code isDelayedDeliveryDeliverAtTimeStrict=false})
     * may deliver it up to the delayed-delivery tick (1 s) early, which a case asserting the delay would only catch
     * some of the time.
     */
    static EmbeddedPulsarExtension main() {
        return new EmbeddedPulsarExtension(PulsarFixture.kitBroker());
    }

    /** The certificates of this test run: one that names 127.0.0.1, an expired one, and two CAs' trust. */
    static final TestTls TLS = TestTls.generate(Path.of("target", "test-tls"));

    /** Lets {@code role} produce to {@code topic} on a broker that authorizes roles, as its super-user. */
    static void grantProduce(EmbeddedPulsar broker, String topic, String role) throws PulsarClientException,
            PulsarAdminException {
        try (PulsarAdmin admin = PulsarAdmin.builder().serviceHttpUrl(broker.httpUrl())
                .authentication(AuthenticationFactory.token(broker.createToken(EmbeddedPulsar.SUPERUSER_ROLE))).build()) {
            admin.topics().grantPermission(topic, role, Set.of(AuthAction.produce));
        }
    }

    /** A broker that authenticates tokens and authorizes roles, on its plain port and on a TLS port. */
    static EmbeddedPulsarExtension secured() {
        return new EmbeddedPulsarExtension(EmbeddedPulsar.builder().allowAutoTopicCreation(false)
                .tokenAuthentication(true).brokerProperty("authorizationEnabled", "true")
                .tls(TLS.server().certificateChain(), TLS.server().privateKey()));
    }
}
