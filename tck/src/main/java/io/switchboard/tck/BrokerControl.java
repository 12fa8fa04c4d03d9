package io.switchboard.tck;

/** Stops and starts the fixture's broker on the same data, for the outage cases. Both calls are bounded. */
public interface BrokerControl {

    /** Stops the broker; clients see it as gone until {@link #start()}. Persisted messages survive. */
    void stop();

    /** Starts the broker again on the same data and address, and returns once it accepts clients. */
    void start();

    /** Broker control from two method references, e.g. {@code BrokerControl.of(broker::stop, broker::start)}. */
    static BrokerControl of(Runnable stop, Runnable start) {
        return new BrokerControl() {
            @Override
            public void stop() {
                stop.run();
            }

            @Override
            public void start() {
                start.run();
            }
        };
    }
}
