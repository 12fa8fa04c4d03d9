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
package io.switchboard.cli.tck;

import io.switchboard.tck.BindingCompatibilityKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The parts of the contract the kit has, as {@code --only} names them. */
final class KitGroups {
    private KitGroups() {
    }

    /** Every group: the kit's nested classes, in declaration order. */
    static List<Class<?>> all() {
        return Arrays.stream(BindingCompatibilityKit.class.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(Nested.class)).toList();
    }

    /** The group named {@code name}: its class name or its display name, in any case, with or without hyphens. */
    static Optional<Class<?>> named(String name) {
        String wanted = normal(name);
        return all().stream().filter(c -> normal(c.getSimpleName()).equals(wanted) || normal(displayName(c)).equals(wanted))
                .findFirst();
    }

    /** How the group calls itself in the report. */
    static String displayName(Class<?> group) {
        DisplayName name = group.getAnnotation(DisplayName.class);
        return name == null ? group.getSimpleName() : name.value();
    }

    /** The names {@code --only} takes, for its error message. */
    static List<String> names() {
        return all().stream().map(Class::getSimpleName).toList();
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
