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
package io.switchboard.jms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class JmsHeaderValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "web", "  a  b  ", "grüße, 世界", "=;,\"'\\/:", "=?", "?=", "a=?b?=c", "=?x"})
    void ordinaryValuesTravelAsTheyAre(String value) {
        assertThat(JmsHeaderValues.encode(value)).isEqualTo(value);
        assertThat(JmsHeaderValues.decode(value)).isEqualTo(value);
    }

    @Test
    void valuesWithCharactersBeyondTheBasicPlaneTravelAsAnEncodedWord() {
        String value = "grüße, 世界 🌍";
        String property = JmsHeaderValues.encode(value);
        assertThat(property).startsWith("=?UTF-8?B?").endsWith("?=").doesNotContain("🌍");
        assertThat(property.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
        assertThat(JmsHeaderValues.decode(property)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=?UTF-8?B?aGk=?=", "=?utf-8?q?hi?=", "=?=", "=?anything?="})
    void literalValuesThatLookEncodedAreEncodedSoTheyComeBackLiterally(String value) {
        String property = JmsHeaderValues.encode(value);
        assertThat(property).isNotEqualTo(value);
        assertThat(JmsHeaderValues.decode(property)).isEqualTo(value);
    }

    @Test
    void decodesEncodedWordsOfOtherClientsInAnyCase() {
        assertThat(JmsHeaderValues.decode("=?utf-8?b?aGk=?=")).isEqualTo("hi");
        assertThat(JmsHeaderValues.decode("=?UTF-8?B?not base64!?=")).isEqualTo("=?UTF-8?B?not base64!?=");
    }

    @Test
    void anUnpairedSurrogateIsNotTextAndTravelsAsItIs() {
        String broken = "a\uD83Cb";
        assertThat(JmsHeaderValues.encode(broken)).isEqualTo(broken);
    }

    @Test
    void everyWellFormedValueComesBack() {
        Random random = new Random(11);
        String alphabet = "a=?B_ 🌍é世?=";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(10);
            for (int i = 0; i < length; i++) {
                value.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String text = value.toString();
            assertThat(JmsHeaderValues.decode(JmsHeaderValues.encode(text))).as(text).isEqualTo(text);
        }
    }
}
