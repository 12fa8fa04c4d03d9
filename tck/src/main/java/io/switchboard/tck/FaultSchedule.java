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

import io.switchboard.faults.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The faults a reliability run plays, in order, each held for a while with healthy traffic between them: those the
 * fixture can produce (a faulty link, a broker stop), and nothing else.
 */
final class FaultSchedule {
    private static final Duration HEAL = Duration.ofSeconds(2);

    /** One step: what is done at its start, and how long it lasts before the next. */
    record Step(String name, Runnable start, Duration hold) {
    }

    private final List<Step> steps = new ArrayList<>();

    /** The schedule for what {@code link}, {@code broker} and {@code leader} can do ({@code link}, {@code leader} may be null). */
    static FaultSchedule of(FaultyLink link, CaseScope broker, boolean brokerControl, BrokerControl leader) {
        FaultSchedule schedule = new FaultSchedule();
        schedule.add("healthy", () -> { }, HEAL);
        if (link != null) {
            schedule.fault(link, "link frozen", Fault.FREEZE, Duration.ofSeconds(2), false);
            schedule.fault(link, "replies swallowed", Fault.SWALLOW_REPLIES, Duration.ofMillis(1500), true);
            schedule.add("connections cut", link::cut, Duration.ZERO);
            schedule.add("healthy", () -> { }, HEAL);
            schedule.fault(link, "slow link (32 KiB/s, 20 ms)", Fault.slow(32 * 1024, Duration.ofMillis(20)),
                    Duration.ofSeconds(2), false);
            schedule.fault(link, "half-open connections", Fault.HALF_OPEN, Duration.ofSeconds(2), true);
        }
        if (leader != null) {
            // longer than a broker stop: the cluster notices the lost node, elects new leaders, and clients follow
            schedule.add("leader stopped", leader::stop, Duration.ofSeconds(5));
            schedule.add("leader started", leader::start, Duration.ofSeconds(5));
        }
        if (brokerControl) {
            schedule.add("broker stopped", broker::stopBroker, Duration.ofSeconds(3));
            schedule.add("broker started", broker::startBroker, Duration.ofSeconds(3));
        }
        return schedule;
    }

    /** A fault held for {@code hold}, then a healthy link (with its connections cut if they are garbage by then). */
    private void fault(FaultyLink link, String name, Fault fault, Duration hold, boolean cutAfter) {
        add(name, () -> link.fault(fault), hold);
        add("healthy", () -> {
            link.fault(Fault.PASS);
            if (cutAfter) {
                link.cut();
            }
        }, HEAL);
    }

    private void add(String name, Runnable start, Duration hold) {
        steps.add(new Step(name, start, hold));
    }

    /** Plays every step in order on the calling thread; returns the names of the faults played. */
    List<String> play() {
        List<String> played = new ArrayList<>();
        for (Step step : steps) {
            step.start().run();
            if (!step.name().equals("healthy")) {
                played.add(step.name());
            }
            long until = System.nanoTime() + step.hold().toNanos();
            for (long left = step.hold().toNanos(); left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
        }
        return played;
    }
}
