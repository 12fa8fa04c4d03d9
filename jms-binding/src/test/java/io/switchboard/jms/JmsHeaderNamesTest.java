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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class JmsHeaderNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "source          | source",
            "content-type    | content_HYPHEN_type",
            "tenant.id       | tenant_DOT_id",
            "a.b-c_d         | a_DOT_b_HYPHEN_c_d",
            "under_score     | under_score",
            "MixedCase       | MixedCase",
            "1st             | _u0031_st",
            "a:b/c           | a_u003A_b_u002F_c",
            "x-request-id    | x_HYPHEN_request_HYPHEN_id",
            "grüße           | grüße",
            "$dollar         | $dollar",
            "_               | _",
            "__              | __",
    })
    void encodesToTheDocumentedNames(String header, String property) {
        assertThat(JmsHeaderNames.encode(header)).isEqualTo(property);
        assertThat(JmsHeaderNames.decode(property)).isEqualTo(header);
    }

    @ParameterizedTest(name = "literal {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "a_DOT_b         | a_u005F_DOT_b",
            "_DOT_           | _u005F_DOT_",
            "x_HYPHEN_       | x_u005F_HYPHEN_",
            "x_u0041_        | x_u005F_u0041_",
            "_u005F_         | _u005F_u005F_",
            "a_DOT           | a_DOT",
            "a_dot_b         | a_dot_b",
            "a_u00zz_        | a_u00zz_",
            "a_u004a_        | a_u004a_",
    })
    void escapesAnUnderscoreOnlyWhereItWouldReadAsAnEscape(String header, String property) {
        assertThat(JmsHeaderNames.encode(header)).isEqualTo(property);
        assertThat(JmsHeaderNames.decode(property)).isEqualTo(header);
    }

    @Test
    void escapesEachUtf16UnitOfCharactersOutsideIdentifiers() {
        String header = "globe-🌍";
        String property = JmsHeaderNames.encode(header);
        assertThat(property).isEqualTo("globe_HYPHEN__uD83C__uDF0D_");
        assertThat(JmsHeaderNames.decode(property)).isEqualTo(header);
    }

    @Test
    void everyEncodedNameIsAJavaIdentifierAndDecodesBack() {
        Random random = new Random(7);
        String alphabet = "ab_.-$:/1ZDOTHYPENu05F🌍é\u200b";
        for (int n = 0; n < 20_000; n++) {
            int length = 1 + random.nextInt(14);
            StringBuilder header = new StringBuilder();
            while (header.length() < length) {
                header.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String name = header.toString();
            String property = JmsHeaderNames.encode(name);
            assertThat(isJavaIdentifier(property)).as("%s encoded as %s", name, property).isTrue();
            assertThat(JmsHeaderNames.decode(property)).as("%s encoded as %s", name, property).isEqualTo(name);
        }
    }

    @Test
    void decodesTheUsualConventionOfOtherClients() {
        assertThat(JmsHeaderNames.decode("my_DOT_header_HYPHEN_name")).isEqualTo("my.header-name");
        assertThat(JmsHeaderNames.decode("plain")).isEqualTo("plain");
        assertThat(JmsHeaderNames.decode("_DOT")).isEqualTo("_DOT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JMSType", "JMSXGroupID", "JMS_AMQP_X", "JMSCorrelationID", "JMS"})
    void refusesNamesJmsReserves(String header) {
        assertThat(JmsHeaderNames.refusal(header)).hasValueSatisfying(why -> assertThat(why).contains("JMS"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NULL", "true", "False", "not", "AND", "or", "between", "LIKE", "in", "Is", "escape"})
    void refusesSelectorKeywordsInAnyCase(String header) {
        assertThat(JmsHeaderNames.refusal(header)).hasValueSatisfying(why -> assertThat(why).contains("selector"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jms-thing", "jmsType", "island", "nullable", "content-type", "x.JMS"})
    void acceptsEverythingElse(String header) {
        assertThat(JmsHeaderNames.refusal(header)).isEmpty();
    }

    private static boolean isJavaIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return false;
        }
        return name.codePoints().skip(1).allMatch(cp -> Character.isJavaIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp));
    }
}
