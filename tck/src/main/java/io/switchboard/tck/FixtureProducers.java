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
package io.switchboard.tck;

import io.switchboard.ProducerBuilder;
import io.switchboard.Serializer;
import io.switchboard.Switchboard;

/**
 * Producers configured by a fixture outside the kit: a demo, or another module's tests on the project's brokers.
 * The kit's own cases add its defaults on top (see {@code CaseScope}).
 */
public final class FixtureProducers {
    private FixtureProducers() {
    }

    /** A builder with the fixture's properties and resources; the caller adds its own settings and builds. */
    public static <V> ProducerBuilder<V> builder(BindingFixture fixture, Serializer<V> serializer) {
        ProducerBuilder<V> builder = Switchboard.builder(serializer).properties(fixture.producerProperties());
        fixture.producerResources().forEach((type, resource) -> resource(builder, type, resource));
        return builder;
    }

    /** A resource object (a JMS ConnectionFactory, say) under the type the fixture gave it as. */
    private static <V, T> void resource(ProducerBuilder<V> builder, Class<T> type, Object resource) {
        builder.resource(type, type.cast(resource));
    }
}
