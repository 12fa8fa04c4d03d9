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
