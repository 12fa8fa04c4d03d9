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
package io.switchboard.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.switchboard.SendInterceptor;
import io.switchboard.micrometer.SwitchboardMetrics;
import io.switchboard.opentelemetry.SwitchboardTracing;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics and traces of the producers, when the application has the means: switchboard-micrometer with the
 * application's {@link MeterRegistry}, switchboard-opentelemetry with its {@link OpenTelemetry}. Each is a
 * {@link SendInterceptor} bean, which every Switchboard producer of the application applies.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration"})
public class SwitchboardObservabilityAutoConfiguration {

    /** Switchboard's meters in the application's registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({SwitchboardMetrics.class, MeterRegistry.class})
    @ConditionalOnBean(MeterRegistry.class)
    static class Metrics {
        @Bean
        @ConditionalOnMissingBean
        SwitchboardMetrics switchboardMetrics(MeterRegistry registry) {
            return SwitchboardMetrics.of(registry);
        }
    }

    /** Switchboard's spans and messaging metrics through the application's OpenTelemetry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({SwitchboardTracing.class, OpenTelemetry.class})
    @ConditionalOnBean(OpenTelemetry.class)
    static class Tracing {
        @Bean
        @ConditionalOnMissingBean
        SwitchboardTracing switchboardTracing(OpenTelemetry openTelemetry) {
            return SwitchboardTracing.of(openTelemetry);
        }
    }
}
