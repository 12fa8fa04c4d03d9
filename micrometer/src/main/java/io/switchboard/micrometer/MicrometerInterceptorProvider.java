package io.switchboard.micrometer;

import io.micrometer.core.instrument.Metrics;
import io.switchboard.SendInterceptor;
import io.switchboard.spi.InterceptorProvider;

/**
 * {@code switchboard.interceptors=micrometer}: {@link SwitchboardMetrics} on Micrometer's global registry
 * ({@link Metrics#globalRegistry}, where applications and frameworks add theirs).
 */
public final class MicrometerInterceptorProvider implements InterceptorProvider {
    /** The name the key selects. */
    public static final String NAME = "micrometer";

    /** Made by the ServiceLoader. */
    public MicrometerInterceptorProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SendInterceptor create() {
        return SwitchboardMetrics.of(Metrics.globalRegistry);
    }
}
