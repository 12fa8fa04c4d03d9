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
package io.switchboard.embedded.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The few administrative steps the embedded brokers offer, through Kafka's own {@link Admin} client
 * on the trusted PLAINTEXT listener. Each step waits until the brokers serve the result, not only
 * until the controller accepted it, so a client used right after sees the topic or the ACL.
 */
final class BrokerAdmin implements AutoCloseable {

    private static final String ANY_HOST = "*";
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Admin admin;
    private final Deadline deadline;

    private BrokerAdmin(String bootstrapServers, Duration timeout) {
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMillis, 10_000),
                AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-admin"));
        this.deadline = Deadline.after(timeout);
    }

    /** Connects to the given brokers; everything done through this instance shares one {@code timeout}. */
    static BrokerAdmin connect(String bootstrapServers, Duration timeout) {
        return new BrokerAdmin(bootstrapServers, timeout);
    }

    /**
     * Creates the topic and waits until every partition's leader serves it. Leaders showing in the
     * metadata is not enough: a broker publishes new metadata before its replica manager creates the
     * partitions, and an idempotent producer whose first batch lands in that gap gets it rejected,
     * then has a later batch accepted, and fails the first one with an out-of-order sequence. Listing
     * offsets goes through the replica manager, so its success means produce requests will succeed.
     */
    void createTopic(String name, int partitions, int replicationFactor) {
        NewTopic topic = new NewTopic(name, partitions, (short) replicationFactor);
        get(admin.createTopics(List.of(topic)).all(), "creating topic " + name);
        Map<TopicPartition, OffsetSpec> latestOffsets = IntStream.range(0, partitions).boxed()
                .collect(Collectors.toMap(partition -> new TopicPartition(name, partition),
                        partition -> OffsetSpec.latest()));
        deadline.await("every partition of topic " + name + " to be served by its leader", () -> {
            admin.listOffsets(latestOffsets).all().get(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        });
    }

    /**
     * Denies {@code user} every operation on {@code topic} and lets every other user keep full access.
     * The explicit allow is needed: once a topic has any ACL, Kafka denies the users no ACL names.
     */
    void denyTopicAccess(String user, String topic) {
        ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        List<AclBinding> acls = List.of(
                new AclBinding(pattern, new AccessControlEntry("User:*", ANY_HOST, AclOperation.ALL,
                        AclPermissionType.ALLOW)),
                new AclBinding(pattern, new AccessControlEntry("User:" + user, ANY_HOST, AclOperation.ALL,
                        AclPermissionType.DENY)));
        get(admin.createAcls(acls).all(), "writing ACLs on topic " + topic);
        AclBindingFilter onTopic = new AclBindingFilter(pattern.toFilter(),
                AccessControlEntryFilter.ANY);
        // Describe is answered from the broker's authorizer, so seeing the ACLs here means they are enforced.
        deadline.await("the broker to enforce the ACLs on topic " + topic, () -> admin.describeAcls(onTopic).values()
                .get(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS).containsAll(acls));
    }

    /** Waits until every partition of every topic, internal ones included, has all its replicas in sync. */
    void awaitReplicasInSync() {
        deadline.await("every partition to have all its replicas in sync", () -> {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS);
            Collection<TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                    .get(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS).values();
            return descriptions.stream()
                    .flatMap(description -> description.partitions().stream())
                    .allMatch(BrokerAdmin::fullyInSync);
        });
    }

    @Override
    public void close() {
        admin.close(CLOSE_TIMEOUT);
    }

    private static boolean fullyInSync(TopicPartitionInfo partition) {
        return partition.leader() != null && partition.isr().containsAll(partition.replicas());
    }

    private <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new EmbeddedKafkaException("Failed " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new EmbeddedKafkaException("Timed out after " + deadline.timeout() + " " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("Interrupted while " + what, e);
        }
    }
}
