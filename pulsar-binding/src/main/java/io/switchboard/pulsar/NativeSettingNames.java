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

import io.switchboard.spi.ClosestName;
import org.apache.pulsar.client.impl.conf.ClientConfigurationData;
import org.apache.pulsar.client.impl.conf.ProducerConfigurationData;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The names Pulsar's {@code loadConf} reads, for checking the user's {@code pulsar.client.*} and
 * {@code pulsar.producer.*} keys before handing them over. Pulsar's client configuration silently ignores names it
 * does not know, so a typo would otherwise be lost. The names are the fields of Pulsar's configuration classes
 * (that is what {@code loadConf} maps onto); they are read once, when the class loads, never on the send path.
 */
final class NativeSettingNames {
    /** Client settings that text can set. */
    static final NativeSettingNames CLIENT = new NativeSettingNames("client", ClientConfigurationData.class);
    /** Producer settings that text can set. */
    static final NativeSettingNames PRODUCER = new NativeSettingNames("producer", ProducerConfigurationData.class);

    private final String what;
    private final Set<String> settable;
    private final Set<String> objectsOnly;

    private NativeSettingNames(String what, Class<?> configuration) {
        this.what = what;
        Field[] fields = configuration.getDeclaredFields();
        this.settable = Arrays.stream(fields).filter(NativeSettingNames::isSetting).filter(f -> !isIgnored(f))
                .map(Field::getName).collect(Collectors.toCollection(TreeSet::new));
        this.objectsOnly = Arrays.stream(fields).filter(NativeSettingNames::isSetting).filter(NativeSettingNames::isIgnored)
                .map(Field::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Why {@code name} cannot be set from text, or null if it can.
     *
     * @param fullKey the key as the user wrote it, for the message
     */
    String problemWith(String name, String fullKey) {
        if (settable.contains(name)) {
            return null;
        }
        if (objectsOnly.contains(name)) {
            return "'" + fullKey + "' is a Pulsar " + what + " setting that takes an object, which a text setting cannot give";
        }
        String prefix = fullKey.substring(0, fullKey.length() - name.length());
        return "'" + fullKey + "' is not a setting of Pulsar's " + what + " configuration"
                + ClosestName.among(name, settable).map(closest -> "; did you mean '" + prefix + closest + "'?").orElse("");
    }

    private static boolean isSetting(Field field) {
        int modifiers = field.getModifiers();
        return !Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers);
    }

    /** Jackson's {@code @JsonIgnore}, matched by name because the client may shade Jackson. */
    private static boolean isIgnored(Field field) {
        for (Annotation annotation : field.getDeclaredAnnotations()) {
            if (annotation.annotationType().getSimpleName().equals("JsonIgnore")) {
                return true;
            }
        }
        return false;
    }
}
