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

import io.switchboard.faults.Fault;
import io.switchboard.faults.FaultyProxy;
import java.util.Map;

/**
 * A faulty network link between a producer and the fixture's broker, for the reliability cases: the settings that
 * route a producer through it, and the faults it plays ({@link Fault}). A fixture offers one through
 * {@link BindingFixture#faultyLink()}, placed where the binding's client meets the network (the broker URL through
 * a proxy, a SOCKS5 proxy, or an advertised address).
 */
public interface FaultyLink extends AutoCloseable {

    /** The settings that make a producer reach the broker through this link, added to the fixture's own. */
    Map<String, String> producerProperties();

    /**
     * Resources that make a producer reach the broker through this link (a JMS {@code ConnectionFactory} at the
     * proxy's address), used in place of the fixture's own of the same type.
     */
    default Map<Class<?>, Object> producerResources() {
        return Map.of();
    }

    /** Sets how the link treats traffic from now on. */
    void fault(Fault fault);

    /** Resets every connection through the link now. */
    void cut();

    /** Closes the link and every connection through it. */
    @Override
    void close();

    /** A link through {@code proxy}, reached with {@code producerProperties}. */
    static FaultyLink through(FaultyProxy proxy, Map<String, String> producerProperties) {
        return through(proxy, producerProperties, Map.of());
    }

    /** A link through {@code proxy}, reached with {@code producerProperties} and {@code producerResources}. */
    static FaultyLink through(FaultyProxy proxy, Map<String, String> producerProperties,
                              Map<Class<?>, Object> producerResources) {
        return link(proxy, producerProperties, producerResources, proxy::close);
    }

    /**
     * A link through a proxy that outlives it, such as one a broker advertises as its own address: closing the link
     * lifts its fault and leaves the proxy running for the next case.
     */
    static FaultyLink sharedThrough(FaultyProxy proxy, Map<String, String> producerProperties) {
        return link(proxy, producerProperties, Map.of(), () -> proxy.fault(Fault.PASS));
    }

    private static FaultyLink link(FaultyProxy proxy, Map<String, String> producerProperties,
                                   Map<Class<?>, Object> producerResources, Runnable onClose) {
        Map<String, String> properties = Map.copyOf(producerProperties);
        Map<Class<?>, Object> resources = Map.copyOf(producerResources);
        return new FaultyLink() {
            @Override
            public Map<String, String> producerProperties() {
                return properties;
            }

            @Override
            public Map<Class<?>, Object> producerResources() {
                return resources;
            }

            @Override
            public void fault(Fault fault) {
                proxy.fault(fault);
            }

            @Override
            public void cut() {
                proxy.cut();
            }

            @Override
            public void close() {
                onClose.run();
            }

            @Override
            public String toString() {
                return proxy.toString();
            }
        };
    }
}
