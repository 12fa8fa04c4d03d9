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

/**
 * The keys of the {@code pulsar} binding, as users write them. Neutral settings ({@code switchboard.*}) are mapped
 * to Pulsar's by the binding; these keys reach Pulsar's own client:
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>what it is</th></tr>
 *   <tr><td>{@value #SERVICE_URL}</td><td>the broker's address, {@code pulsar://host:6650} (required; a
 *       {@code pulsar://host:6650} configuration URL sets it)</td></tr>
 *   <tr><td>{@value #CLIENT_PREFIX}{@code <name>}</td><td>any setting of Pulsar's client configuration
 *       ({@code ClientBuilder.loadConf}), e.g. {@code pulsar.client.operationTimeoutMs}</td></tr>
 *   <tr><td>{@value #PRODUCER_PREFIX}{@code <name>}</td><td>any setting of Pulsar's producer configuration
 *       ({@code ProducerBuilder.loadConf}), e.g. {@code pulsar.producer.batchingMaxMessages}; applied to every
 *       per-destination producer</td></tr>
 *   <tr><td>{@value #AUTH_TOKEN}</td><td>a JWT for token authentication; never shown</td></tr>
 *   <tr><td>{@value #ADMIN_URL}</td><td>the broker's HTTP admin URL ({@code http://host:8080}); with
 *       {@code switchboard.guarantee=effectively-once} the binding asks it whether deduplication is on for each
 *       destination before sending there, and refuses the destination if it is off</td></tr>
 *   <tr><td>{@value #MAX_PRODUCERS}</td><td>how many per-destination Pulsar producers one Switchboard producer keeps
 *       open (default {@value #DEFAULT_MAX_PRODUCERS}); beyond it the least recently used idle one is closed</td></tr>
 * </table>
 *
 * <p>Client and producer settings are told apart by their prefix, because Pulsar keeps them in two separate
 * configurations. Settings a neutral key decides (send timeout, queue size, compression, batching) must agree with
 * it; a disagreement fails {@code INVALID_ARGUMENT} naming both keys.
 */
public final class PulsarKeys {
    /** The binding's name, key prefix and URL scheme. */
    public static final String BINDING = "pulsar";
    /** Key: the service URL. */
    public static final String SERVICE_URL = "pulsar.serviceUrl";
    /** Prefix of Pulsar client settings. */
    public static final String CLIENT_PREFIX = "pulsar.client.";
    /** Prefix of Pulsar producer settings. */
    public static final String PRODUCER_PREFIX = "pulsar.producer.";
    /** Key: a JWT for token authentication. */
    public static final String AUTH_TOKEN = "pulsar.auth.token";
    /** Key: the admin API's URL, for verifying deduplication under effectively-once. */
    public static final String ADMIN_URL = "pulsar.admin-url";
    /** Key: the bound on open per-destination producers. */
    public static final String MAX_PRODUCERS = "pulsar.max-producers";
    /** The default of {@link #MAX_PRODUCERS}. */
    public static final int DEFAULT_MAX_PRODUCERS = 100;

    private PulsarKeys() {
    }

    /** A full key without the binding's prefix, as the binding receives it ({@code client.operationTimeoutMs}). */
    static String local(String fullKey) {
        return fullKey.substring(BINDING.length() + 1);
    }
}
