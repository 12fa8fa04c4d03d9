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
package io.switchboard.jms;

import io.switchboard.embedded.jms.EmbeddedArtemis;
import io.switchboard.embedded.jms.EmbeddedJmsBroker;
import io.switchboard.embedded.jms.EmbeddedJmsExtension;
import io.switchboard.testing.tls.TrustMaterial;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("JMS binding on Artemis, over TLS")
class ArtemisTlsTest extends JmsTlsContract {
    @RegisterExtension
    static final EmbeddedJmsExtension BROKERS = TestBrokers.extension();

    private final EmbeddedArtemis broker;

    ArtemisTlsTest(EmbeddedArtemis broker) {
        this.broker = broker;
    }

    @Override
    EmbeddedJmsBroker broker() {
        return broker;
    }

    @Override
    EmbeddedJmsBroker.Builder newBroker() {
        return EmbeddedArtemis.builder();
    }

    /** Artemis takes the trust in the URL; hostname verification is off unless verifyHost=true. */
    @Override
    ConnectionFactory tlsFactory(String tlsUrl, TrustMaterial trust) {
        return new ActiveMQConnectionFactory(tlsUrl + "&trustStoreType=PKCS12&trustStorePath=" + trust.trustStore()
                + "&trustStorePassword=" + trust.password() + "&verifyHost=true");
    }

    @Override
    ConnectionFactory probeFactory() {
        return broker.connectionFactory();
    }
}
