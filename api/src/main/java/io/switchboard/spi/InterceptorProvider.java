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

import io.switchboard.SendInterceptor;

/**
 * An interceptor that configuration can turn on by name: {@code switchboard.interceptors=micrometer,opentelemetry}
 * makes each producer ask the provider of each name (found with {@link java.util.ServiceLoader}, as bindings are)
 * for an interceptor. The Micrometer and OpenTelemetry modules provide one each, on the application's global
 * registry and OpenTelemetry; an interceptor given in code ({@code ProducerBuilder.interceptor}) needs none.
 */
public interface InterceptorProvider {

    /** The name {@code switchboard.interceptors} selects it by, e.g. {@code micrometer}. */
    String name();

    /** A new interceptor for one producer. */
    SendInterceptor create();
}
