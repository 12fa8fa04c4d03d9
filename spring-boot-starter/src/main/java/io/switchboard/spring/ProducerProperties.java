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
package io.switchboard.spring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of one producer, as application properties: each neutral key of {@link io.switchboard.ProducerSettings}
 * (written without its {@code switchboard.} prefix here, e.g. {@code delivery-timeout}) and each binding's own keys
 * under the binding's name ({@code kafka.bootstrap.servers}).
 *
 * <p>Values are kept as written and handed to Switchboard, which checks them: a bad value fails the application's
 * start with Switchboard's own message, which names the key, the value and what was expected. A key left unset
 * keeps Switchboard's default.
 */
public class ProducerProperties {
    /** The binding: memory, kafka, pulsar, jms, or another on the class path. Default: the only one present. */
    private String binding;
    /** The client id the broker sees. */
    private String clientId;
    /** at-most-once, at-least-once or effectively-once. */
    private String guarantee;
    /** How long a send may take before it fails, e.g. 30s. */
    private String deliveryTimeout;
    /** How long sendAsync may wait for room in the buffer under the block policy, e.g. 60s. */
    private String maxBlock;
    /** How long close waits for accepted messages before it reports them, e.g. 30s. */
    private String closeTimeout;
    /** The largest value accepted, in bytes. */
    private String maxMessageSize;
    /** How long the client may wait to fill a batch, e.g. 5ms. */
    private String linger;
    /** none, gzip, snappy, lz4 or zstd. */
    private String compression;
    /** How keyed messages are placed on partitions: native or neutral. */
    private String partitioner;
    /** The destination where messages that finally failed are copied. */
    private String deadLetter;
    /** Whether to send the serializer's content type as a header: true or false. */
    private String contentTypeHeader;
    /** Interceptors to turn on by name (comma-separated), on top of the application's SendInterceptor beans. */
    private String interceptors;
    private final Buffer buffer = new Buffer();
    private final Batch batch = new Batch();
    private final Retry retry = new Retry();
    /** The Kafka binding's keys (kafka-clients' own), e.g. bootstrap.servers. */
    private Map<String, String> kafka = new LinkedHashMap<>();
    /** The Pulsar binding's keys, e.g. client.serviceUrl (bracket a key with capitals: [client.serviceUrl]). */
    private Map<String, String> pulsar = new LinkedHashMap<>();
    /** The JMS binding's keys, e.g. jndi.java.naming.factory.initial, user, password. */
    private Map<String, String> jms = new LinkedHashMap<>();
    /** The memory binding's keys, e.g. broker. */
    private Map<String, String> memory = new LinkedHashMap<>();
    /** Any other binding's keys, with their binding's prefix, e.g. mybroker.address. */
    private Map<String, String> properties = new LinkedHashMap<>();

    /** The buffer of accepted, unfinished messages. */
    public static class Buffer {
        /** block or fail: what sendAsync does when the buffer is full. */
        private String whenFull;
        /** The most accepted, unfinished messages. */
        private String maxMessages;
        /** The most bytes of accepted, unfinished values. */
        private String maxBytes;

        public String getWhenFull() { return whenFull; }
        public void setWhenFull(String whenFull) { this.whenFull = whenFull; }
        public String getMaxMessages() { return maxMessages; }
        public void setMaxMessages(String maxMessages) { this.maxMessages = maxMessages; }
        public String getMaxBytes() { return maxBytes; }
        public void setMaxBytes(String maxBytes) { this.maxBytes = maxBytes; }
    }

    /** Batches the client sends. */
    public static class Batch {
        /** The most bytes in one batch. */
        private String maxBytes;

        public String getMaxBytes() { return maxBytes; }
        public void setMaxBytes(String maxBytes) { this.maxBytes = maxBytes; }
    }

    /** Retries by the producer. */
    public static class Retry {
        /** The most attempts per message, the first included. */
        private String maxAttempts;
        /** The first pause between attempts, e.g. 100ms. */
        private String backoff;
        /** The longest pause between attempts, e.g. 5s. */
        private String maxBackoff;

        public String getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(String maxAttempts) { this.maxAttempts = maxAttempts; }
        public String getBackoff() { return backoff; }
        public void setBackoff(String backoff) { this.backoff = backoff; }
        public String getMaxBackoff() { return maxBackoff; }
        public void setMaxBackoff(String maxBackoff) { this.maxBackoff = maxBackoff; }
    }

    public String getBinding() { return binding; }
    public void setBinding(String binding) { this.binding = binding; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getGuarantee() { return guarantee; }
    public void setGuarantee(String guarantee) { this.guarantee = guarantee; }
    public String getDeliveryTimeout() { return deliveryTimeout; }
    public void setDeliveryTimeout(String deliveryTimeout) { this.deliveryTimeout = deliveryTimeout; }
    public String getMaxBlock() { return maxBlock; }
    public void setMaxBlock(String maxBlock) { this.maxBlock = maxBlock; }
    public String getCloseTimeout() { return closeTimeout; }
    public void setCloseTimeout(String closeTimeout) { this.closeTimeout = closeTimeout; }
    public String getMaxMessageSize() { return maxMessageSize; }
    public void setMaxMessageSize(String maxMessageSize) { this.maxMessageSize = maxMessageSize; }
    public String getLinger() { return linger; }
    public void setLinger(String linger) { this.linger = linger; }
    public String getCompression() { return compression; }
    public void setCompression(String compression) { this.compression = compression; }
    public String getPartitioner() { return partitioner; }
    public void setPartitioner(String partitioner) { this.partitioner = partitioner; }
    public String getDeadLetter() { return deadLetter; }
    public void setDeadLetter(String deadLetter) { this.deadLetter = deadLetter; }
    public String getContentTypeHeader() { return contentTypeHeader; }
    public void setContentTypeHeader(String contentTypeHeader) { this.contentTypeHeader = contentTypeHeader; }
    public String getInterceptors() { return interceptors; }
    public void setInterceptors(String interceptors) { this.interceptors = interceptors; }
    public Buffer getBuffer() { return buffer; }
    public Batch getBatch() { return batch; }
    public Retry getRetry() { return retry; }
    public Map<String, String> getKafka() { return kafka; }
    public void setKafka(Map<String, String> kafka) { this.kafka = kafka; }
    public Map<String, String> getPulsar() { return pulsar; }
    public void setPulsar(Map<String, String> pulsar) { this.pulsar = pulsar; }
    public Map<String, String> getJms() { return jms; }
    public void setJms(Map<String, String> jms) { this.jms = jms; }
    public Map<String, String> getMemory() { return memory; }
    public void setMemory(Map<String, String> memory) { this.memory = memory; }
    public Map<String, String> getProperties() { return properties; }
    public void setProperties(Map<String, String> properties) { this.properties = properties; }

    /** Names no values: settings may hold secrets. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[binding=" + binding + ", keys set: " + ProducerKeys.of(this).keySet() + "]";
    }
}
