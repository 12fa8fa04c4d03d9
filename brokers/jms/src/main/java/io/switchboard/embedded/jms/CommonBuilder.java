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
package io.switchboard.embedded.jms;

import java.nio.file.Path;
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
    public B tls(Path keyStore, String password) {
        common = common.withTls(new ServerKeyStore(keyStore, password));
        return self();
    }

    @Override
    public B diskSync(boolean sync) {
        common = common.withDiskSync(sync);
        return self();
    }
}
