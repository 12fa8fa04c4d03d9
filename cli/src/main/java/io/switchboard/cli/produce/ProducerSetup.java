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
package io.switchboard.cli.produce;

import io.switchboard.ProducerBuilder;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The producer's configuration from the command line, in the builder's order of precedence (a later source
 * overrides an earlier one key by key): {@code --config} file, {@code --url}, {@code SWITCHBOARD_*} environment
 * variables, then each {@code -X key=value}.
 */
final class ProducerSetup {
    private ProducerSetup() {
    }

    static ProducerBuilder<String> builder(Path config, String url, Map<String, String> environment, List<String> settings) {
        ProducerBuilder<String> builder = Switchboard.builder(Serializers.string());
        if (config != null) {
            builder.file(config);
        }
        if (url != null) {
            builder.url(url);
        }
        builder.environment(environment);
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("-X " + setting + " is not key=value");
            }
            builder.property(setting.substring(0, eq).strip(), setting.substring(eq + 1).strip());
        }
        return builder;
    }
}
