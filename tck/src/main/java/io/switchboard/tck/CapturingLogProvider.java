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

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPLoggerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.Arrays;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An SLF4J provider that lets the kit see every log line of a case, whatever logging the bindings and brokers
 * use, so that the secret cases can require that no secret was logged. It forwards every call to the provider
 * that would have been chosen without it (slf4j-simple, Logback, Log4j 2's bridge, ...), so the test run's log
 * output is unchanged, and while a case captures it also keeps lines of every level, DEBUG included, that the real
 * provider would drop.
 *
 * <p>Select it in the test JVM with {@code -Dslf4j.provider=io.switchboard.tck.CapturingLogProvider} (Surefire's
 * {@code systemPropertyVariables}); the kit also sets that property itself when it is unset and SLF4J has not started
 * yet. When another provider is already in place, the log case is skipped and says how to select this one.
 */
public final class CapturingLogProvider implements SLF4JServiceProvider {
    private ILoggerFactory loggers = new NOPLoggerFactory();
    private IMarkerFactory markers = new BasicMarkerFactory();
    private MDCAdapter mdc = new BasicMDCAdapter();

    /**
     * Asks SLF4J for this provider unless something else was asked for: effective only before SLF4J starts, so a
     * runner of the kit (or the kit itself, as early as it can) calls it before any broker or client logs.
     */
    public static void select() {
        String chosen = System.getProperty(CaseLogs.PROVIDER_PROPERTY);
        if (chosen == null || chosen.isBlank()) {
            System.setProperty(CaseLogs.PROVIDER_PROPERTY, CapturingLogProvider.class.getName());
        }
    }

    /** Made by SLF4J from the {@code slf4j.provider} property. */
    public CapturingLogProvider() {
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        SLF4JServiceProvider real = realProvider();
        ILoggerFactory inner = new NOPLoggerFactory();
        if (real != null) {
            real.initialize();
            inner = real.getLoggerFactory();
            markers = real.getMarkerFactory();
            mdc = real.getMDCAdapter();
        }
        loggers = teeOver(inner);
        CaseLogs.providerStarted();
    }

    /** Loggers that hand each call to {@code inner}'s and, while a case captures, to the capture. */
    static ILoggerFactory teeOver(ILoggerFactory inner) {
        return new TeeFactory(inner);
    }

    /** The first other provider on the class path: the one SLF4J would have chosen without this one. */
    private static SLF4JServiceProvider realProvider() {
        try {
            for (SLF4JServiceProvider provider : ServiceLoader.load(SLF4JServiceProvider.class,
                    CapturingLogProvider.class.getClassLoader())) {
                if (!(provider instanceof CapturingLogProvider)) {
                    return provider;
                }
            }
        } catch (ServiceConfigurationError e) {
            // a broken provider on the class path: log nowhere rather than fail the test run
        }
        return null;
    }

    private static final class TeeFactory implements ILoggerFactory {
        private final ILoggerFactory inner;
        private final ConcurrentMap<String, Logger> made = new ConcurrentHashMap<>();

        TeeFactory(ILoggerFactory inner) {
            this.inner = inner;
        }

        @Override
        public Logger getLogger(String name) {
            return made.computeIfAbsent(name, n -> new TeeLogger(n, inner.getLogger(n)));
        }
    }

    /** Hands each call to the real logger, and to the capture while a case captures. */
    private static final class TeeLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final transient Logger real;

        TeeLogger(String name, Logger real) {
            this.name = name;
            this.real = real;
        }

        @Override
        public boolean isTraceEnabled() {
            return CaseLogs.capturing() || real.isTraceEnabled();
        }

        @Override
        public boolean isDebugEnabled() {
            return CaseLogs.capturing() || real.isDebugEnabled();
        }

        @Override
        public boolean isInfoEnabled() {
            return CaseLogs.capturing() || real.isInfoEnabled();
        }

        @Override
        public boolean isWarnEnabled() {
            return CaseLogs.capturing() || real.isWarnEnabled();
        }

        @Override
        public boolean isErrorEnabled() {
            return CaseLogs.capturing() || real.isErrorEnabled();
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        /**
         * Never throws: a logging call that failed here would fail the caller, a broker's request thread for one.
         */
        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable thrown) {
            try {
                if (CaseLogs.capturing()) {
                    String text = arguments == null || arguments.length == 0 ? String.valueOf(pattern)
                            : MessageFormatter.basicArrayFormat(pattern, arguments);
                    CaseLogs.record(name + " " + level + " " + text, thrown);
                }
                if (real.isEnabledForLevel(level)) {
                    forward(level, marker, pattern, arguments, thrown);
                }
            } catch (RuntimeException e) {
                // a line lost is better than a caller failed; the real provider's own failures land here too
            }
        }

        /** The call as the application made it, so the real provider formats and routes it as it always does. */
        private void forward(Level level, Marker marker, String pattern, Object[] arguments, Throwable thrown) {
            Object[] all = arguments == null ? new Object[0] : arguments;
            if (thrown != null) {
                all = Arrays.copyOf(all, all.length + 1);
                all[all.length - 1] = thrown;   // SLF4J's convention: a last Throwable argument is the cause
            }
            switch (level) {
                case ERROR -> {
                    if (marker == null) {
                        real.error(pattern, all);
                    } else {
                        real.error(marker, pattern, all);
                    }
                }
                case WARN -> {
                    if (marker == null) {
                        real.warn(pattern, all);
                    } else {
                        real.warn(marker, pattern, all);
                    }
                }
                case INFO -> {
                    if (marker == null) {
                        real.info(pattern, all);
                    } else {
                        real.info(marker, pattern, all);
                    }
                }
                case DEBUG -> {
                    if (marker == null) {
                        real.debug(pattern, all);
                    } else {
                        real.debug(marker, pattern, all);
                    }
                }
                case TRACE -> {
                    if (marker == null) {
                        real.trace(pattern, all);
                    } else {
                        real.trace(marker, pattern, all);
                    }
                }
                default -> throw new IllegalArgumentException("no such level " + level);
            }
        }
    }
}
