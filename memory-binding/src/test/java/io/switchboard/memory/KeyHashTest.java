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
package io.switchboard.memory;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class KeyHashTest {

    @Test
    void murmur2MatchesTheKafkaClientsReferenceVectors() {
        // the vectors of Kafka's own UtilsTest.testMurmur2
        assertThat(hash("21")).isEqualTo(-973932308);
        assertThat(hash("foobar")).isEqualTo(-790332482);
        assertThat(hash("a-little-bit-long-string")).isEqualTo(-985981536);
        assertThat(hash("a-little-bit-longer-string")).isEqualTo(-1486304829);
        assertThat(hash("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8")).isEqualTo(-58897971);
        assertThat(hash("abc")).isEqualTo(479470107);
    }

    @Test
    void partitionIsThePositiveHashModuloTheCount() {
        assertThat(KeyHash.partition("21", 7)).isEqualTo((-973932308 & 0x7fffffff) % 7);
        assertThat(KeyHash.partition("foobar", 1)).isZero();
    }

    private static int hash(String key) {
        return KeyHash.murmur2(key.getBytes(StandardCharsets.UTF_8));
    }
}
