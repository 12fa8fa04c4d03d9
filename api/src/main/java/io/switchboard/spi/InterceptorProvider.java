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
