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
/**
 * The {@code kafka} binding: Switchboard's neutral producer on Apache Kafka's {@code KafkaProducer}. The only public
 * type is {@link io.switchboard.kafka.KafkaBindingProvider}, found with {@link java.util.ServiceLoader}; everything
 * else translates settings, records and failures, and keeps Kafka's blocking off the caller's thread.
 */
package io.switchboard.kafka;
