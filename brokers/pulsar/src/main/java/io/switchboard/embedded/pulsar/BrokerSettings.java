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
package io.switchboard.embedded.pulsar;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a user chose on {@link EmbeddedPulsar.Builder}, frozen.
 *
 * <p>A record so that two builders configured alike compare equal: the JUnit extension shares one broker per
 * distinct settings value.
 *
 * @param allowAutoTopicCreation whether producers and consumers may create topics by naming them
 * @param deduplication          whether the broker drops messages whose producer sequence id it has seen
 * @param tokenAuthentication    whether clients must present a JWT signed with the instance's secret key
 * @param maxMessageSize         the largest message, in bytes, the broker and the bookie accept
 * @param tlsCertificateChain    PEM chain the TLS port presents, or null without TLS
 * @param tlsPrivateKey          PEM PKCS#8 key of that chain, or null without TLS
 * @param brokerProperties       raw {@code broker.conf} entries, applied last so they override everything
 */
record BrokerSettings(
        boolean allowAutoTopicCreation,
        boolean deduplication,
        boolean tokenAuthentication,
        int maxMessageSize,
        Path tlsCertificateChain,
        Path tlsPrivateKey,
        Map<String, String> brokerProperties) {

    BrokerSettings {
        brokerProperties = Map.copyOf(brokerProperties);
    }

    boolean tls() {
        return tlsCertificateChain != null;
    }
}
