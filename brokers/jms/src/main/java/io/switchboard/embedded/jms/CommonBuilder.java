package io.switchboard.embedded.jms;

import java.util.Objects;
import java.util.Optional;

/**
 * The builder methods both brokers share, so that each broker's public builder only adds its own options.
 * {@code B} is the concrete builder, returned by every method so that calls chain.
 */
abstract class CommonBuilder<B extends CommonBuilder<B>> implements EmbeddedJmsBroker.Builder {

    private CommonSettings common = CommonSettings.DEFAULTS;

    CommonBuilder() {
    }

    abstract B self();

    final CommonSettings commonSettings() {
        return common;
    }

    @Override
    public B user(String name, String password) {
        common = common.withUser(new BrokerUser(name, password, Optional.empty()));
        return self();
    }

    @Override
    public B userDeniedSendTo(String name, String password, String destination) {
        common = common.withUser(new BrokerUser(name, password, Optional.of(Objects.requireNonNull(destination, "destination"))));
        return self();
    }

    @Override
    public B failSendsBeyond(long bytes) {
        common = common.withSendLimit(bytes);
        return self();
    }

    @Override
    public B diskSync(boolean sync) {
        common = common.withDiskSync(sync);
        return self();
    }
}
