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

import java.util.Set;
import org.apache.pulsar.broker.PulsarService;
import org.apache.pulsar.broker.resources.PulsarResources;
import org.apache.pulsar.common.naming.NamespaceName;
import org.apache.pulsar.common.policies.data.ClusterData;
import org.apache.pulsar.common.policies.data.Policies;
import org.apache.pulsar.common.policies.data.PoliciesUtil;
import org.apache.pulsar.common.policies.data.TenantInfo;
import org.apache.pulsar.metadata.api.MetadataStoreException;

/**
 * Creates what Pulsar standalone creates on first start: the cluster, the {@code public/default} namespace that
 * short topic names resolve to, and the {@code pulsar/system} namespace. Each step is skipped when it already
 * exists, so this runs on every start.
 *
 * <p>It writes through the broker's metadata resources rather than the admin REST API: no HTTP round trips and
 * no credentials needed when token authentication is on.
 */
final class ClusterMetadata {

    private static final NamespaceName DEFAULT_NAMESPACE = NamespaceName.get("public", "default");

    private ClusterMetadata() {
    }

    static void ensureCreated(PulsarService broker) throws MetadataStoreException {
        PulsarResources resources = broker.getPulsarResources();
        String cluster = broker.getConfiguration().getClusterName();
        if (!resources.getClusterResources().clusterExists(cluster)) {
            resources.getClusterResources().createCluster(cluster, ClusterData.builder()
                    .serviceUrl(broker.getWebServiceAddress())
                    .brokerServiceUrl(broker.getBrokerServiceUrl())
                    .build());
        }
        Set<String> adminRoles = broker.getConfiguration().getSuperUserRoles();
        ensureNamespace(broker, resources, cluster, adminRoles, DEFAULT_NAMESPACE);
        ensureNamespace(broker, resources, cluster, adminRoles, NamespaceName.SYSTEM_NAMESPACE);
    }

    private static void ensureNamespace(PulsarService broker, PulsarResources resources, String cluster,
            Set<String> adminRoles, NamespaceName namespace) throws MetadataStoreException {
        String tenant = namespace.getTenant();
        if (!resources.getTenantResources().tenantExists(tenant)) {
            resources.getTenantResources().createTenant(tenant, TenantInfo.builder()
                    .adminRoles(adminRoles)
                    .allowedClusters(Set.of(cluster))
                    .build());
        }
        if (!resources.getNamespaceResources().namespaceExists(namespace)) {
            // The same policies the admin API would fill in for a namespace created without any.
            Policies policies = new Policies();
            policies.bundles = PoliciesUtil.getBundles(broker.getConfiguration().getDefaultNumberOfNamespaceBundles());
            policies.replication_clusters = Set.of(cluster);
            resources.getNamespaceResources().createPolicies(namespace, policies);
        }
    }
}
