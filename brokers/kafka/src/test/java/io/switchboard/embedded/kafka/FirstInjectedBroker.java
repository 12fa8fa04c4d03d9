package io.switchboard.embedded.kafka;

import java.util.concurrent.atomic.AtomicReference;

/** Remembers the first broker the extension injected in this run, whichever test class ran first. */
final class FirstInjectedBroker {

    private static final AtomicReference<EmbeddedKafka> FIRST = new AtomicReference<>();

    private FirstInjectedBroker() {
    }

    /** Records {@code kafka} if it is the first; returns the first one either way. */
    static EmbeddedKafka rememberOrGet(EmbeddedKafka kafka) {
        FIRST.compareAndSet(null, kafka);
        return FIRST.get();
    }
}
