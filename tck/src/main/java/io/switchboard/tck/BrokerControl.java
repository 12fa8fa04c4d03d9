package io.switchboard.tck;

/** Stops and starts the fixture's broker on the same data, for the outage cases. Both calls are bounded. */
public interface BrokerControl {

    /** Stops the broker; clients see it as gone until {@link #start()}. Persisted messages survive. */
    void stop();

    /** Starts the broker again on the same data and address, and returns once it accepts clients. */
    void start();
}
