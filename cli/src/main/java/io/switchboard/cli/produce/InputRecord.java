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
package io.switchboard.cli.produce;

import java.util.Map;

/**
 * One message read from the input.
 *
 * @param line    its line number, from 1
 * @param key     the key, or null
 * @param value   the value
 * @param headers the headers of the line (the command's {@code -H} headers are added when sending)
 */
record InputRecord(long line, String key, String value, Map<String, String> headers) {
}
