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

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The kit's log capture forwards every call as it was made, and a logging call never fails its caller. */
class CapturingLogProviderTest {
    private final List<String> forwarded = new CopyOnWriteArrayList<>();
    private final Logger logger = CapturingLogProvider.teeOver(name -> new Recording(name, forwarded)).getLogger("kafka.server");

    @Test
    void callsWithoutArgumentsMarkersOrPatternAreForwardedAndNeverThrow() {
        assertThatCode(() -> {
            logger.error("no arguments");
            logger.error(null);
            logger.warn("with a cause", new IllegalStateException("boom"));
            logger.info(MarkerFactory.getMarker("AUDIT"), "marked {}", 1);
        }).doesNotThrowAnyException();

        assertThat(forwarded).containsExactly("ERROR no arguments", "ERROR null", "WARN with a cause / boom",
                "INFO marked 1 [AUDIT]");
    }

    @Test
    void whileACaseCapturesEveryLevelIsKeptAndStillForwardedAsTheRealLoggerWants() {
        try (CaseLogs logs = CaseLogs.begin()) {
            logger.debug("debug {} of {}", 1, 2);
            logger.error("failed", new IllegalStateException("the cause"));

            assertThat(logs.lines()).anyMatch(l -> l.equals("kafka.server DEBUG debug 1 of 2"))
                    .anyMatch(l -> l.startsWith("kafka.server ERROR failed") && l.contains("the cause"));
        }
        assertThat(forwarded).containsExactly("DEBUG debug 1 of 2", "ERROR failed / the cause");
    }

    /** A real provider's logger, all levels on, that writes down what reached it. */
    private static final class Recording extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final transient List<String> out;

        Recording(String name, List<String> out) {
            this.name = name;
            this.out = out;
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable thrown) {
            out.add(level + " " + MessageFormatter.basicArrayFormat(pattern, arguments)
                    + (thrown == null ? "" : " / " + thrown.getMessage()) + (marker == null ? "" : " [" + marker.getName() + "]"));
        }
    }
}
