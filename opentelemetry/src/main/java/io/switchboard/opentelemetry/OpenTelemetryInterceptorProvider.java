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
