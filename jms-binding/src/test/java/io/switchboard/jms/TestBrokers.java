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
package io.switchboard.jms;

import io.switchboard.embedded.jms.EmbeddedActiveMqClassic;
import io.switchboard.embedded.jms.EmbeddedArtemis;
import io.switchboard.embedded.jms.EmbeddedJmsExtension;
import io.switchboard.tck.jms.HeaderDecoding;
import io.switchboard.testing.TestSecrets;
import io.switchboard.testing.tls.TestTls;
import java.nio.file.Path;

/**
 * The two brokers every test class of this module shares: one ActiveMQ Classic and one Artemis per run (test
 * classes that register the same options share the brokers), each with the users and limits the error cases need.
 */
final class TestBrokers {
    /** A user that may do everything. */
    static final String USER = "app";
    static final String PASSWORD = TestSecrets.generate("app");
    /** A user that may do everything but send to {@link #FORBIDDEN}. */
    static final String INTRUDER = "intruder";
    static final String INTRUDER_PASSWORD = TestSecrets.generate("intruder");
    /** The destination (queue or topic) {@link #INTRUDER} may not send to. */
    static final String FORBIDDEN = "forbidden";
    /** How the binding writes header names and values as JMS properties, for the probes to read them back. */
    static final HeaderDecoding DECODING = HeaderDecoding.of(JmsHeaderNames::decode, JmsHeaderValues::decode);
    /** The certificates of this test run: one that names 127.0.0.1, an expired one, and two CAs' trust. */
    static final TestTls TLS = TestTls.generate(Path.of("target", "test-tls"));
    /** What each destination holds before further sends are refused. */
    static final long ROOM_BYTES = 4L * 1024 * 1024;

    private TestBrokers() {
    }

    /**
     * The brokers of the compatibility kit: the same users, but no limit on what a destination holds. The kit's
     * reliability case sends tens of thousands of messages to one queue (hundreds of thousands in a soak), which
     * would fill {@link #ROOM_BYTES}: the checker would then measure a full queue instead of the binding.
     */
    static EmbeddedJmsExtension kitExtension() {
        return EmbeddedJmsExtension.with(
                EmbeddedActiveMqClassic.builder().user(USER, PASSWORD).userDeniedSendTo(INTRUDER, INTRUDER_PASSWORD, FORBIDDEN)
                        .prioritizedMessages(true).diskSync(false),
                EmbeddedArtemis.builder().user(USER, PASSWORD).userDeniedSendTo(INTRUDER, INTRUDER_PASSWORD, FORBIDDEN)
                        .diskSync(false));
    }

    static EmbeddedJmsExtension extension() {
        return EmbeddedJmsExtension.with(
                EmbeddedActiveMqClassic.builder().user(USER, PASSWORD).userDeniedSendTo(INTRUDER, INTRUDER_PASSWORD, FORBIDDEN)
                        .failSendsBeyond(ROOM_BYTES).prioritizedMessages(true).diskSync(false)
                        .tls(TLS.server().keyStore(), TLS.server().password()),
                EmbeddedArtemis.builder().user(USER, PASSWORD).userDeniedSendTo(INTRUDER, INTRUDER_PASSWORD, FORBIDDEN)
                        .failSendsBeyond(ROOM_BYTES).diskSync(false)
                        .tls(TLS.server().keyStore(), TLS.server().password()));
    }
}
