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
package io.switchboard.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything under {@code switchboard.*}: the application's producer, the serializer it uses, and optionally more
 * producers by name, each starting from the application producer's settings.
 *
 * <pre>
 * switchboard:
 *   binding: kafka
 *   delivery-timeout: 10s
 *   kafka:
 *     bootstrap.servers: broker-1:9092
 *   producers:
 *     audit:                 # a second producer, bean "auditProducer": the same settings but these
 *       client-id: audit
 * </pre>
 */
@ConfigurationProperties(prefix = "switchboard")
public class SwitchboardProperties extends ProducerProperties {
    /**
     * The value format of the application's producer: json (the default when switchboard-json and Jackson are on
     * the class path) or bytes. An application Serializer bean takes precedence over both.
     */
    private String serializer;
    /** More producers by name; each starts from the settings above and overrides them key by key. */
    private Map<String, ProducerProperties> producers = new LinkedHashMap<>();

    public String getSerializer() { return serializer; }
    public void setSerializer(String serializer) { this.serializer = serializer; }
    public Map<String, ProducerProperties> getProducers() { return producers; }
    public void setProducers(Map<String, ProducerProperties> producers) { this.producers = producers; }
}
