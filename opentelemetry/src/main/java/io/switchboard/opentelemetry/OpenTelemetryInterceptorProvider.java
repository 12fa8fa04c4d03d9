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
package io.switchboard.opentelemetry;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.switchboard.SendInterceptor;
import io.switchboard.spi.InterceptorProvider;

/**
 * {@code switchboard.interceptors=opentelemetry}: {@link SwitchboardTracing} on {@link GlobalOpenTelemetry} (what the
 * OpenTelemetry Java agent or the application registered).
 */
public final class OpenTelemetryInterceptorProvider implements InterceptorProvider {
    /** The name the key selects. */
    public static final String NAME = "opentelemetry";

    /** Made by the ServiceLoader. */
    public OpenTelemetryInterceptorProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SendInterceptor create() {
        return SwitchboardTracing.of(GlobalOpenTelemetry.get());
    }
}
