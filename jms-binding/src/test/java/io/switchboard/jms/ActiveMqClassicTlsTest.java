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

import io.switchboard.embedded.jms.EmbeddedActiveMqClassic;
import io.switchboard.embedded.jms.EmbeddedJmsBroker;
import io.switchboard.embedded.jms.EmbeddedJmsExtension;
import io.switchboard.testing.tls.TrustMaterial;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.ActiveMQSslConnectionFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("JMS binding on ActiveMQ Classic, over TLS")
class ActiveMqClassicTlsTest extends JmsTlsContract {
    @RegisterExtension
    static final EmbeddedJmsExtension BROKERS = TestBrokers.extension();

    private final EmbeddedActiveMqClassic broker;

    ActiveMqClassicTlsTest(EmbeddedActiveMqClassic broker) {
        this.broker = broker;
    }

    @Override
    EmbeddedJmsBroker broker() {
        return broker;
    }

    @Override
    EmbeddedJmsBroker.Builder newBroker() {
        return EmbeddedActiveMqClassic.builder();
    }

    /** Classic takes the trust on its SSL factory; it verifies the host name unless told not to. */
    @Override
    ConnectionFactory tlsFactory(String tlsUrl, TrustMaterial trust) throws Exception {
        ActiveMQSslConnectionFactory factory = new ActiveMQSslConnectionFactory(tlsUrl + "?socket.verifyHostName=true");
        factory.setTrustStoreType("PKCS12");
        factory.setTrustStore(trust.trustStore().toString());
        factory.setTrustStorePassword(trust.password());
        return factory;
    }

    @Override
    ConnectionFactory probeFactory() {
        return broker.connectionFactory();
    }
}
