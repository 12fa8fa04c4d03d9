package io.switchboard.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code switchboard bindings} lists every binding the command carries, with what it claims. */
class BindingsCommandTest {

    @Test
    void listsEveryBindingWithItsCapabilitiesAndHowToSelectIt() {
        Run run = Run.of("bindings");

        assertThat(run.status()).isZero();
        assertThat(run.out().lines()).anyMatch(l -> l.startsWith("kafka ") && l.contains("PARTITIONS")
                        && l.contains("switchboard.binding=kafka") && l.contains("kafka://"))
                .anyMatch(l -> l.startsWith("pulsar ") && l.contains("DELIVERY_DELAY"))
                .anyMatch(l -> l.startsWith("jms ") && l.contains("QUEUES"))
                .anyMatch(l -> l.startsWith("memory "));
    }
}
