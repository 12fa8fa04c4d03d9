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
 * The core producer: the one implementation of {@link io.switchboard.Producer} that wraps a binding's
 * {@link io.switchboard.spi.ProducerBackend} and owns everything portable (validation, serialization,
 * partitioning, flow control, timeouts, retries, dead letters, close). Not an API: applications and bindings
 * never use these classes directly, and they may change in any release.
 */
package io.switchboard.core;
