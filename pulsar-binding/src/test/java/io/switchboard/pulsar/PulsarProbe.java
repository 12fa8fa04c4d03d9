package io.switchboard.pulsar;

import io.switchboard.Destination;
import io.switchboard.tck.NativeProbe;
import io.switchboard.tck.ProbedMessage;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Reader;
import org.apache.pulsar.client.impl.MessageImpl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads what reached the broker with Pulsar's own client: one {@link Reader} from the earliest message per
 * partition (or per topic), reporting key, value, properties, partition, position (the index within the
 * partition) and event time (publish time for a message without one).
 *
 * <p>What a consumer receives now: a delayed message whose time has not come is left out. Readers see delayed
 * messages at once (Pulsar delays only for shared subscriptions), so the probe applies the delivery time the broker
 * stored with the message.
 */
final class PulsarProbe implements NativeProbe {
    private static final Duration SETUP = Duration.ofSeconds(10);

    private final PulsarClient client;

    PulsarProbe(PulsarClient client) {
        this.client = client;
    }

    @Override
    public List<ProbedMessage> read(Destination destination, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Partition> partitions = open(Target.fullName(destination.name()));
        try {
            List<ProbedMessage> found = new ArrayList<>();
            while (true) {
                boolean progressed = false;
                for (Partition partition : partitions) {
                    progressed |= partition.drain(found);
                    progressed |= partition.releaseDue(found);
                }
                boolean late = System.nanoTime() - deadline >= 0;
                if (!progressed && (late || found.size() >= expected && nothingMore(partitions))) {
                    return found;
                }
                if (!progressed) {
                    partitions.get(0).waitBriefly(found);
                }
            }
        } finally {
            partitions.forEach(Partition::close);
        }
    }

    private List<Partition> open(String topic) {
        try {
            List<String> names = client.getPartitionsForTopic(topic, true).get(SETUP.toMillis(), TimeUnit.MILLISECONDS);
            List<CompletableFuture<Reader<byte[]>>> readers = new ArrayList<>();
            for (String name : names) {
                readers.add(client.newReader().topic(name).startMessageId(MessageId.earliest).createAsync());
            }
            List<Partition> out = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                out.add(new Partition(names.size() == 1 ? 0 : i,
                        readers.get(i).get(SETUP.toMillis(), TimeUnit.MILLISECONDS)));
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError("the probe could not open readers on " + topic + ": " + e, e);
        }
    }

    private static boolean nothingMore(List<Partition> partitions) {
        for (Partition partition : partitions) {
            if (partition.hasMore()) {
                return false;
            }
        }
        return true;
    }

    /** One partition's reader and how far it got. */
    private static final class Partition {
        private final int index;
        private final Reader<byte[]> reader;
        /** Delayed messages read before their delivery time, with that time. */
        private final Map<ProbedMessage, Long> hidden = new LinkedHashMap<>();
        private long position;

        Partition(int index, Reader<byte[]> reader) {
            this.index = index;
            this.reader = reader;
        }

        /** Reads what is there now; true if anything was read. */
        boolean drain(List<ProbedMessage> into) {
            boolean any = false;
            Message<byte[]> message;
            while ((message = next(1)) != null) {
                add(message, into);
                any = true;
            }
            return any;
        }

        void waitBriefly(List<ProbedMessage> into) {
            Message<byte[]> message = next(20);
            if (message != null) {
                add(message, into);
            }
        }

        boolean hasMore() {
            try {
                return reader.hasMessageAvailableAsync().get(SETUP.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new AssertionError("the probe could not ask " + reader.getTopic() + " for more: " + e, e);
            }
        }

        private Message<byte[]> next(int millis) {
            try {
                return reader.readNext(millis, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new AssertionError("the probe could not read " + reader.getTopic() + ": " + e, e);
            }
        }

        /** Moves delayed messages whose delivery time has come to what a consumer receives; true if any. */
        boolean releaseDue(List<ProbedMessage> into) {
            long now = System.currentTimeMillis();
            boolean any = false;
            for (var it = hidden.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                if (entry.getValue() <= now) {
                    into.add(entry.getKey());
                    it.remove();
                    any = true;
                }
            }
            return any;
        }

        private void add(Message<byte[]> message, List<ProbedMessage> into) {
            long eventTime = message.getEventTime();
            ProbedMessage probed = new ProbedMessage(message.hasKey() ? message.getKey() : null, message.getData(),
                    message.getProperties(), index, position++,
                    Instant.ofEpochMilli(eventTime > 0 ? eventTime : message.getPublishTime()), null);
            long deliverAt = message instanceof MessageImpl<?> impl ? impl.getDeliverAtTime() : 0;
            if (deliverAt > System.currentTimeMillis()) {
                hidden.put(probed, deliverAt);
            } else {
                into.add(probed);
            }
        }

        void close() {
            reader.closeAsync();
        }
    }
}
