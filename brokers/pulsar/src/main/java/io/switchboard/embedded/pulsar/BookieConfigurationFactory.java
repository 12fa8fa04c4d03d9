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

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import org.apache.bookkeeper.bookie.storage.ldb.DbLedgerStorage;
import org.apache.bookkeeper.common.allocator.PoolingPolicy;
import org.apache.bookkeeper.conf.ServerConfiguration;

/**
 * Builds the configuration of the single bookie: small, loopback-only, and able to store the largest message
 * the broker accepts.
 */
final class BookieConfigurationFactory {

    /** Room for BookKeeper's own framing around the largest Pulsar entry. */
    private static final int FRAME_PADDING_BYTES = 64 * 1024;
    private static final int MIB = 1024 * 1024;

    private BookieConfigurationFactory() {
    }

    static ServerConfiguration create(int port, int maxMessageSize) {
        ServerConfiguration conf = new ServerConfiguration();
        conf.setBookiePort(port);
        // BKCluster uses the requested port only when ephemeral ports are allowed; otherwise it picks another one,
        // and a bookie whose ip:port changes no longer matches its cookie after a restart.
        conf.setAllowEphemeralPorts(true);
        // The bookie's identity is ip:port; on a test machine the only stable address is the loopback one,
        // which BookKeeper refuses unless told otherwise.
        conf.setAllowLoopback(true);
        conf.setListeningInterface(loopbackInterfaceName());
        conf.setAdvertisedAddress("127.0.0.1");

        conf.setLedgerStorageClass(DbLedgerStorage.class.getName());
        // Entries live in the heap rather than in direct memory, which a test JVM rarely sizes generously.
        conf.setAllocatorPoolingPolicy(PoolingPolicy.UnpooledHeap);
        conf.setNettyMaxFrameSizeBytes(maxMessageSize + FRAME_PADDING_BYTES);
        // The write cache must hold several of the largest entries or adds of big messages stall.
        int maxMessageMib = Math.max(1, maxMessageSize / MIB);
        conf.setProperty("dbStorage_writeCacheMaxSizeMb", Math.max(16, 8 * maxMessageMib));
        conf.setProperty("dbStorage_readAheadCacheMaxSizeMb", 16);
        conf.setProperty("dbStorage_rocksDB_blockCacheSize", 8L * MIB);

        // Data is still written to the journal, so a restart of the bookie loses nothing; only the fsync is
        // skipped because a test never survives a power cut and fsync makes every send slow.
        conf.setJournalSyncData(false);
        conf.setJournalMaxGroupWaitMSec(1);
        conf.setJournalFlushWhenQueueEmpty(true);
        conf.setProperty("journalPreAllocSizeMB", 1);

        // Build machines often have nearly full disks; the default 95% would turn the bookie read-only.
        conf.setDiskUsageThreshold(0.999f);
        conf.setDiskUsageWarnThreshold(0.99f);
        return conf;
    }

    private static String loopbackInterfaceName() {
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (network.isLoopback()) {
                    return network.getName();
                }
            }
        } catch (SocketException e) {
            throw new EmbeddedPulsarException("Cannot list network interfaces to find the loopback one", e);
        }
        throw new EmbeddedPulsarException("This machine has no loopback network interface");
    }
}
