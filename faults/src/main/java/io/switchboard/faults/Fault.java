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
package io.switchboard.faults;

import java.time.Duration;

/**
 * How a {@link FaultyProxy} treats traffic, from the moment it is set, on open connections and new ones alike.
 *
 * <p>The faults are the ones production networks show and a clean broker stop cannot: a link that freezes, a
 * broker whose answers never arrive, a link that slows to a trickle, a peer that vanished without closing.
 */
public sealed interface Fault {
    /** Relays both ways. */
    Fault PASS = new Pass();
    /**
     * Forwards nothing either way and keeps every socket open; new connections are accepted and held. Bytes sent
     * meanwhile wait in the proxy and flow, in order, once another fault (such as {@link #PASS}) is set: a network
     * that stalls and recovers within the peers' timeouts.
     */
    Fault FREEZE = new Freeze();
    /**
     * Relays the client's bytes to the broker and drops the broker's answers: the broker acts on requests (a
     * message may be stored) whose replies never arrive. Connections that lost bytes are garbage afterwards; cut
     * them ({@link FaultyProxy#cut()}) when passing again.
     */
    Fault SWALLOW_REPLIES = new SwallowReplies();
    /**
     * New connections are reset as soon as they are accepted (or, through SOCKS5, right after the handshake, since a
     * refused handshake leaves some clients waiting); open connections are left as they are. A broker host that
     * is up but no longer serves.
     */
    Fault REFUSE = new Refuse();
    /**
     * The far side vanished without closing: the proxy closes its connections to the broker, drops every byte of
     * the client's connections and never closes them, so only the client's own timeouts can notice. Connections
     * opened meanwhile are accepted and never answered. Unlike {@link #FREEZE}, nothing flows again on the
     * connections it hit.
     */
    Fault HALF_OPEN = new HalfOpen();

    /**
     * A slow link: every chunk of bytes waits {@code latency} before it is forwarded, and each direction carries at
     * most {@code bytesPerSecond}.
     *
     * @throws IllegalArgumentException if the rate is not positive or the latency is negative
     */
    static Fault slow(long bytesPerSecond, Duration latency) {
        return new Slow(bytesPerSecond, latency);
    }

    /** See {@link #PASS}. */
    record Pass() implements Fault {
    }

    /** See {@link #FREEZE}. */
    record Freeze() implements Fault {
    }

    /** See {@link #SWALLOW_REPLIES}. */
    record SwallowReplies() implements Fault {
    }

    /** See {@link #REFUSE}. */
    record Refuse() implements Fault {
    }

    /** See {@link #HALF_OPEN}. */
    record HalfOpen() implements Fault {
    }

    /**
     * See {@link #slow(long, Duration)}.
     *
     * @param bytesPerSecond the most bytes per second in each direction
     * @param latency        the wait before each chunk is forwarded
     */
    record Slow(long bytesPerSecond, Duration latency) implements Fault {
        /** Checks the values. */
        public Slow {
            if (bytesPerSecond <= 0) {
                throw new IllegalArgumentException("bytesPerSecond is " + bytesPerSecond + "; expected more than zero");
            }
            if (latency == null || latency.isNegative()) {
                throw new IllegalArgumentException("latency is " + latency + "; expected zero or more");
            }
        }
    }
}
