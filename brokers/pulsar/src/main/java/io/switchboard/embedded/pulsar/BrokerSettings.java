package io.switchboard.embedded.pulsar;

import java.util.Map;

/**
 * What a user chose on {@link EmbeddedPulsar.Builder}, frozen.
 *
 * <p>A record so that two builders configured alike compare equal: the JUnit extension shares one broker per
 * distinct settings value.
 *
 * @param allowAutoTopicCreation whether producers and consumers may create topics by naming them
 * @param deduplication          whether the broker drops messages whose producer sequence id it has seen
 * @param tokenAuthentication    whether clients must present a JWT signed with the instance's secret key
 * @param maxMessageSize         the largest message, in bytes, the broker and the bookie accept
 * @param brokerProperties       raw {@code broker.conf} entries, applied last so they override everything
 */
record BrokerSettings(
        boolean allowAutoTopicCreation,
        boolean deduplication,
        boolean tokenAuthentication,
        int maxMessageSize,
        Map<String, String> brokerProperties) {

    BrokerSettings {
        brokerProperties = Map.copyOf(brokerProperties);
    }
}
