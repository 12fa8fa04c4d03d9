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
package io.switchboard.embedded.pulsar;

import org.apache.pulsar.metadata.bookkeeper.BKCluster;

/**
 * One BookKeeper bookie running in this JVM on a fixed port and a fixed directory, registered in the RocksDB
 * metadata store that the broker uses too.
 *
 * <p>Pulsar's {@code BKCluster} does the work; starting a new one on the same directory and port brings back the
 * same bookie with its data.
 */
final class LocalBookie {

    private final BKCluster cluster;

    private LocalBookie(BKCluster cluster) {
        this.cluster = cluster;
    }

    static LocalBookie start(WorkingDirectory directory, int port, int maxMessageSize) throws Exception {
        BKCluster cluster = BKCluster.builder()
                .baseServerConfiguration(BookieConfigurationFactory.create(port, maxMessageSize))
                .metadataServiceUri(directory.metadataStoreUrl())
                .dataDir(directory.bookieData().toString())
                .bkPort(port)
                .numBookies(1)
                .clearOldData(false)
                .build();
        return new LocalBookie(cluster);
    }

    /** Stops the bookie, flushing its ledger storage; its directory and cookie stay for the next start. */
    void stop() throws Exception {
        cluster.close();
    }
}
