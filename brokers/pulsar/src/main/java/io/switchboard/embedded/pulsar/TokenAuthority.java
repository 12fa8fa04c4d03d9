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

import io.jsonwebtoken.SignatureAlgorithm;
import io.switchboard.testing.TestSecrets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.apache.pulsar.broker.authentication.AuthenticationProviderToken;
import org.apache.pulsar.broker.authentication.utils.AuthTokenUtils;
import org.apache.pulsar.client.impl.auth.AuthenticationToken;

/**
 * Holds the HMAC secret key of one embedded Pulsar and signs tokens with it.
 *
 * <p>The key is generated in memory when the instance is built and kept for its whole life, so tokens minted
 * before a restart stay valid after it. It is never written to disk or logged.
 */
final class TokenAuthority {

    private final SecretKey secretKey = AuthTokenUtils.createSecretKey(SignatureAlgorithm.HS256);

    TokenAuthority() {
        // the key and every token are registered for the whole-suite check that none appears in any output
        TestSecrets.register(Base64.getEncoder().encodeToString(secretKey.getEncoded()));
    }

    String createToken(String role) {
        return TestSecrets.register(AuthTokenUtils.createToken(secretKey, role, Optional.empty()));
    }

    /**
     * Broker settings that turn token authentication on and let the broker's own clients (its admin client, the
     * system-topic readers) authenticate as the super-user.
     */
    Map<String, String> brokerProperties() {
        String encodedKey = Base64.getEncoder().encodeToString(secretKey.getEncoded());
        return Map.of(
                "authenticationEnabled", "true",
                "authenticationProviders", AuthenticationProviderToken.class.getName(),
                "tokenSecretKey", "data:;base64," + encodedKey,
                "superUserRoles", EmbeddedPulsar.SUPERUSER_ROLE,
                "brokerClientAuthenticationPlugin", AuthenticationToken.class.getName(),
                "brokerClientAuthenticationParameters", "token:" + createToken(EmbeddedPulsar.SUPERUSER_ROLE));
    }

    @Override
    public String toString() {
        return "TokenAuthority[secret key hidden]";
    }
}
