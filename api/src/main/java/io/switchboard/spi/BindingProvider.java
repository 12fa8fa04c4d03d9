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
package io.switchboard.spi;

import io.switchboard.Capability;

import java.util.Map;
import java.util.Set;

/**
 * A broker binding, registered in {@code META-INF/services/io.switchboard.spi.BindingProvider} and found with
 * {@link java.util.ServiceLoader}. Selected by {@link #name()} through {@code switchboard.binding} or a URL
 * scheme; two providers with one name are an error, never a silent pick.
 */
public interface BindingProvider {

    /** The binding's name: its key prefix ({@code kafka.*}) and URL scheme ({@code kafka://}). Lower case. */
    String name();

    /** The optional features this binding offers; the kit tests each one claimed and each one not. */
    Set<Capability> capabilities();

    /**
     * Creates the backend for one producer. Fails with {@link io.switchboard.MessagingException} (for example
     * {@link io.switchboard.Reason#UNSUPPORTED} for a guarantee it cannot keep, or
     * {@link io.switchboard.Reason#INVALID_ARGUMENT} naming a bad key) before opening any connection it would
     * leak. Must not block longer than the delivery timeout.
     */
    ProducerBackend createProducer(BindingConfig config);

    /**
     * The binding's keys for a URL's address ({@code host:9092,host2:9092} from {@code kafka://host:9092,...}),
     * without the prefix, for example {@code bootstrap.servers -> host:9092}.
     */
    default Map<String, String> propertiesFromUrl(String address) {
        if (address.isEmpty()) {
            return Map.of();
        }
        throw new io.switchboard.MessagingException(io.switchboard.Reason.INVALID_ARGUMENT,
                "the " + name() + " binding takes no address in its URL, was '" + address + "'");
    }
}
