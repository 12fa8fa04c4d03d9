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
package io.switchboard.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Bad input, generated: whatever a user writes as a setting, a URL or a message's key and headers, Switchboard
 * either accepts it or refuses it with {@link Reason#INVALID_ARGUMENT} and a message that names what was wrong;
 * never another exception, never a silent change.
 *
 * <p>The seed is fixed, so every build tries the same cases and a failure reproduces as it is; change it locally
 * (or drop it) to explore other cases.
 */
class BadInputPropertiesTest {
    private static final String SEED = "20261202";

    @Property(tries = 400, seed = SEED)
    @Label("A neutral key with any value is accepted, or refused naming that key")
    void anyValueOfANeutralKey(@ForAll("neutralKeys") String key, @ForAll("values") String value) {
        Map<String, String> settings = new HashMap<>();
        settings.put(key, value); // null too: a map built in code can hold one
        Throwable error = catchThrowable(() -> ProducerSettings.from(settings));
        if (error != null) {
            assertThat(error).isInstanceOf(MessagingException.class);
            assertThat(((MessagingException) error).reason()).isEqualTo(Reason.INVALID_ARGUMENT);
            assertThat(error.getMessage()).contains(key);
        }
    }

    @Property(tries = 300, seed = SEED)
    @Label("Any unknown switchboard.* key is refused, naming it")
    void anyUnknownKey(@ForAll("unknownKeys") String key) {
        Throwable error = catchThrowable(() -> ProducerSettings.from(Map.of(key, "1")));
        assertThat(error).isInstanceOf(MessagingException.class).hasMessageContaining(key);
        assertThat(((MessagingException) error).reason()).isEqualTo(Reason.INVALID_ARGUMENT);
    }

    @Property(tries = 300, seed = SEED)
    @Label("Any text as a URL is accepted or refused with INVALID_ARGUMENT")
    void anyUrl(@ForAll("values") String url) {
        Throwable error = catchThrowable(() -> {
            try (Producer<byte[]> producer = Switchboard.builder().url(url).build()) {
                assertThat(producer.binding()).isNotBlank();
            }
        });
        if (error != null) {
            assertThat(error).isInstanceOf(MessagingException.class);
            assertThat(((MessagingException) error).reason()).isIn(Reason.INVALID_ARGUMENT, Reason.UNSUPPORTED);
            assertThat(error.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 500, seed = SEED)
    @Label("A message with any key and header is built as given, or refused naming the field")
    void anyKeyAndHeader(@ForAll("texts") String key, @ForAll("texts") String name, @ForAll("texts") String value) {
        Throwable error = catchThrowable(() -> {
            Message<String> message = Message.to("orders").key(key).header(name, value).value("v");
            assertThat(message.key()).isEqualTo(key);
            assertThat(message.headers().get(name)).contains(value);
        });
        if (error != null) {
            assertThat(error).isInstanceOf(MessagingException.class);
            assertThat(((MessagingException) error).reason()).isEqualTo(Reason.INVALID_ARGUMENT);
            assertThat(error.getMessage()).containsAnyOf("key", "header");
        }
    }

    @Provide
    Arbitrary<String> neutralKeys() {
        return Arbitraries.of(ProducerSettings.KEYS).filter(k -> !k.equals(ProducerSettings.BINDING)
                && !k.equals(ProducerSettings.INTERCEPTORS));
    }

    @Provide
    Arbitrary<String> unknownKeys() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('-', '.').ofMinLength(1).ofMaxLength(30)
                .map(s -> ProducerSettings.PREFIX + s)
                .filter(k -> !ProducerSettings.KEYS.contains(k));
    }

    /** Values a user might write, well-formed or not: numbers, durations, words, blanks, controls, surrogates. */
    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> numbers = Arbitraries.longs().map(String::valueOf);
        Arbitrary<String> durations = Combinators.combine(Arbitraries.longs().between(-5, 100_000),
                Arbitraries.of("ms", "s", "m", "h", "d", "", "sec", "PT")).as((n, unit) -> n + unit);
        return Arbitraries.oneOf(numbers, durations, texts(), Arbitraries.of("", " ", "true", "FALSE", "none",
                "memory://", "kafka://", "://", "at-least-once", "effectively-once", "block", "fail", "0", "-1"));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().all().ofMaxLength(40).injectNull(0.05);
    }
}
