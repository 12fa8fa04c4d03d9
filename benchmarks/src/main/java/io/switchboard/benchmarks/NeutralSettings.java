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
package io.switchboard.benchmarks;

import io.switchboard.ProducerSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/** Switchboard's neutral producer settings of a side-by-side run: the defaults, plus the options the user chose. */
final class NeutralSettings {
    private NeutralSettings() {
    }

    /** {@code lingerMs}, {@code batchSize} and {@code compression} are null where the user kept the default. */
    static Map<String, String> of(String binding, String clientId, Integer lingerMs, Integer batchSize,
                                  String compression) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(ProducerSettings.BINDING, binding);
        settings.put(ProducerSettings.CLIENT_ID, clientId);
        if (lingerMs != null) {
            settings.put(ProducerSettings.LINGER, lingerMs + "ms");
        }
        if (batchSize != null) {
            settings.put(ProducerSettings.BATCH_MAX_BYTES, Integer.toString(batchSize));
        }
        if (compression != null) {
            settings.put(ProducerSettings.COMPRESSION, compression);
        }
        return settings;
    }
}
