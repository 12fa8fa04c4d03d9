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

import io.switchboard.MessagingException;
import io.switchboard.Reason;
import org.apache.pulsar.client.api.Authentication;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Asks the broker's admin API whether deduplication is in force for a topic, before effectively-once sends go
 * there. Pulsar keeps a message once per producer name and sequence id only where deduplication is enabled (topic,
 * namespace or broker); elsewhere a resend after a lost acknowledgement is stored twice, and the client cannot tell
 * from its own protocol. Enabled by {@value PulsarKeys#ADMIN_URL}; the role needs to read the topic's policies.
 */
final class DeduplicationCheck {
    private final URI adminUrl;
    private final Authentication authentication;
    private final Duration timeout;
    private final HttpClient http;

    DeduplicationCheck(URI adminUrl, Authentication authentication, Duration timeout) {
        this.adminUrl = adminUrl;
        this.authentication = authentication;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Completes when deduplication is in force for {@code topic} (a full persistent topic name); fails
     * {@link Reason#UNSUPPORTED} when it is off or cannot be verified, {@link Reason#UNAVAILABLE} when the admin
     * API cannot be reached.
     */
    CompletableFuture<Void> require(String topic) {
        HttpRequest request;
        try {
            request = request(topic);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(cannotVerify(topic, "the request could not be prepared (" + e + ")", e));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error != null) {
                throw new MessagingException(Reason.UNAVAILABLE, "the admin API at " + adminUrl + " could not be reached"
                        + " to verify that " + topic + " deduplicates (" + error + "); the message was not written", error);
            }
            String body = response.body() == null ? "" : response.body().strip();
            if (response.statusCode() != 200) {
                throw cannotVerify(topic, "the admin API answered HTTP " + response.statusCode(), null);
            }
            if (body.equals("true")) {
                return null;
            }
            if (body.equals("false")) {
                throw new MessagingException(Reason.UNSUPPORTED, "broker-side deduplication is off for " + topic
                        + ", so effectively-once cannot be kept there (a resent message would be stored twice); enable it"
                        + " (pulsar-admin namespaces set-deduplication <tenant/namespace> --enable) or use another"
                        + " guarantee; the message was not written");
            }
            throw cannotVerify(topic, "the admin API answered '" + abbreviated(body) + "'", null);
        });
    }

    private HttpRequest request(String topic) throws Exception {
        // persistent://tenant/namespace/local -> persistent/tenant/namespace/local
        String path = topic.replace("://", "/");
        int last = path.lastIndexOf('/');
        String encoded = path.substring(0, last + 1)
                + URLEncoder.encode(path.substring(last + 1), StandardCharsets.UTF_8).replace("+", "%20");
        String base = adminUrl.toString().endsWith("/") ? adminUrl.toString() : adminUrl + "/";
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "admin/v2/" + encoded
                + "/deduplicationEnabled?applied=true")).timeout(timeout).GET();
        if (authentication != null && authentication.getAuthData(adminUrl.getHost()).hasDataForHttp()) {
            for (Map.Entry<String, String> header : authentication.getAuthData(adminUrl.getHost()).getHttpHeaders()) {
                builder.header(header.getKey(), header.getValue());
            }
        }
        return builder.build();
    }

    private MessagingException cannotVerify(String topic, String why, Throwable cause) {
        return new MessagingException(Reason.UNSUPPORTED, "effectively-once was asked for, but whether " + topic
                + " deduplicates could not be verified: " + why + ". Give the role permission to read the topic's"
                + " policies, or leave " + PulsarKeys.ADMIN_URL + " out to rely on deduplication being enabled;"
                + " the message was not written", cause);
    }

    private static String abbreviated(String body) {
        return body.length() <= 80 ? body : body.substring(0, 80) + "...";
    }
}
