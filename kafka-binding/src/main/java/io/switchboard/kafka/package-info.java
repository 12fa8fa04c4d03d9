/**
 * The {@code kafka} binding: Switchboard's neutral producer on Apache Kafka's {@code KafkaProducer}. The only public
 * type is {@link io.switchboard.kafka.KafkaBindingProvider}, found with {@link java.util.ServiceLoader}; everything
 * else translates settings, records and failures, and keeps Kafka's blocking off the caller's thread.
 */
package io.switchboard.kafka;
