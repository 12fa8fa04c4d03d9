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
package io.switchboard;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Messages are validated once, naming the field")
class MessageTest {

    private static void invalid(Runnable build, String message) {
        assertThatThrownBy(build::run)
                .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT))
                .hasMessage(message);
    }

    @Test
    void aBuiltMessageKeepsEveryField() {
        Message<String> m = Message.to("orders").key("k").header("a", "1").header("b", "").priority(9).value("v");
        assertThat(m.destination()).isEqualTo(Destination.of("orders"));
        assertThat(m.key()).isEqualTo("k");
        assertThat(m.headers().asMap()).containsExactly(Map.entry("a", "1"), Map.entry("b", ""));
        assertThat(m.priority()).isEqualTo(9);
        assertThat(m.toBuilder().value(1).headers()).isEqualTo(m.headers());
    }

    @Test
    void blankOrNullDestinationsAreRejected() {
        invalid(() -> Message.to("  "), "destination name is blank; expected the name of a topic or queue, such as \"orders\"");
        invalid(() -> Message.to((String) null), "destination name is null; expected the name of a topic or queue, such as \"orders\"");
        invalid(() -> Message.to((Destination) null), "message destination is null; expected a Destination such as Destination.of(\"orders\")");
    }

    @Test
    @DisplayName("an unpaired surrogate in a key, a header name or a header value is refused, naming the field and the index")
    void textWithoutAUtf8FormIsRefused() {
        String tail = "; it has no UTF-8 form, so the broker would hold another text than was sent: pass whole"
                + " characters (a surrogate pair, or a code point with Character.toChars)";
        invalid(() -> Message.to("d").key("k\uD800x").value("v"), "message key has an unpaired surrogate U+D800 at index 1" + tail);
        invalid(() -> Message.to("d").key("\uDC00").value("v"), "message key has an unpaired surrogate U+DC00 at index 0" + tail);
        invalid(() -> Message.to("d").key("ab\uD83D").value("v"), "message key has an unpaired surrogate U+D83D at index 2" + tail);
        invalid(() -> Message.to("d").header("n\uDFFF", "x"), "header name has an unpaired surrogate U+DFFF at index 1" + tail);
        invalid(() -> Message.to("d").header("n", "v\uD800"),
                "the value of header \"n\" has an unpaired surrogate U+D800 at index 1" + tail);
        assertThat(Message.to("d").key("rocket \uD83D\uDE80").header("n", "\uD83D\uDE80").value("v").key())
                .as("a whole character outside the BMP is fine").isEqualTo("rocket \uD83D\uDE80");
    }

    @Test
    void headerNamesMustBePrintableWithoutSpace() {
        invalid(() -> Message.to("d").header("a b", "x"), "header name \"a b\" contains white space at index 1; "
                + "expected a name without white space or control characters");
        invalid(() -> Message.to("d").header("a\u0001", "x"), "header name \"a\\u0001\" contains control character U+0001 "
                + "at index 1; expected a name without white space or control characters");
        invalid(() -> Message.to("d").header("", "x"), "header name is empty; expected 1 to 249 characters without white space");
        invalid(() -> Message.to("d").header("n", null), "header \"n\" has a null value; expected a string (the empty string is allowed)");
        invalid(() -> Message.to("d").header("n", "1").header("n", "2"), "header \"n\" is set twice; headers hold one value per name");
    }

    @Test
    void optionalFieldsAreRangeChecked() {
        invalid(() -> Message.to("d").priority(10).value("v"), "message priority is 10; expected 0 to 9");
        invalid(() -> Message.to("d").key("").value("v"), "message key is empty; expected a non-empty key, or no key (null) for an unkeyed message");
        invalid(() -> Message.to("d").value(null), "message value is null; expected a value (an empty one is fine, e.g. new byte[0] or \"\")");
        invalid(() -> Message.to("d").timeToLive(java.time.Duration.ZERO).value("v"), "message timeToLive is PT0S; expected more than zero");
    }

    @Test
    void unicodeHeaderNamesAndValuesAreAllowed() {
        Message<String> m = Message.to("d").header("grüße", "値 ✓").value("v");
        assertThat(m.headers().get("grüße")).hasValue("値 ✓");
    }
}
