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

import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Switchboard producers on one broker for one test, all closed (bounded) when the test ends. */
final class TestProducers implements AutoCloseable {
    /**
     * Pulsar's client waits between reconnection attempts from 100 ms, doubling up to 60 s by default, so after an
     * outage of a few seconds (a broker restart, a proxy refusing connections) its next attempt can come seconds after
     * the broker is back, and a send with a short delivery timeout made then fails although nothing is wrong any more.
     * The tests cap the wait at 1 s: recovery then takes about a second, which the post-outage sends' timeouts
     * (1.5 s and up) cover even on a loaded machine. What the binding does during and after an outage is the same.
     */
    static final String MAX_BACKOFF_KEY = PulsarKeys.CLIENT_PREFIX + "maxBackoffIntervalNanos";
    static final String MAX_BACKOFF_NANOS = Long.toString(Duration.ofSeconds(1).toNanos());

    private final String serviceUrl;
    private final List<Producer<?>> opened = new CopyOnWriteArrayList<>();

    TestProducers(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    /** A string producer with these settings (key, value pairs) on top of the binding and service URL. */
    Producer<String> open(String... settings) {
        return open(pairs(settings));
    }

    Producer<String> open(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(ProducerSettings.BINDING, PulsarKeys.BINDING);
        all.put(PulsarKeys.SERVICE_URL, serviceUrl);
        all.put(ProducerSettings.DELIVERY_TIMEOUT, "15s");
        all.put(MAX_BACKOFF_KEY, MAX_BACKOFF_NANOS);
        all.putAll(settings);
        Producer<String> producer = Switchboard.builder(Serializers.string()).properties(all).build();
        opened.add(producer);
        return producer;
    }

    static Map<String, String> pairs(String... keysAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    @Override
    public void close() {
        for (Producer<?> producer : opened) {
            producer.close(Duration.ofSeconds(5));
        }
        opened.clear();
    }
}
