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
package io.switchboard.testing.badinput;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of bad input for property-based tests (jqwik): destinations, keys, header names and values, and value
 * sizes around a limit. Mostly well-formed, with the malformed cases users meet: blanks, white space at the ends,
 * control characters, unpaired surrogates (no UTF-8 form), very long names.
 */
public final class BadInput {

    private BadInput() {
    }

    /**
     * Sends to {@code destinations} (valid ones the test created) or to malformed names, with any key, header and a
     * value whose size is near {@code maxMessageSize} or small.
     *
     * @param destinations   destinations that exist
     * @param maxMessageSize the producer's {@code switchboard.max-message-size}
     * @return the generator
     */
    public static Arbitrary<GeneratedSend> sends(List<String> destinations, int maxMessageSize) {
        return Combinators.combine(destinations(destinations), keys(), texts(), texts(), valueSizes(maxMessageSize))
                .as(GeneratedSend::new);
    }

    /** Existing destinations, most of the time, else malformed names. */
    public static Arbitrary<String> destinations(List<String> existing) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(existing)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", " orders", "orders ", "a\u0000b", "k\uD800x",
                        "x".repeat(300), "\t")));
    }

    /** Any key: none, ordinary text, any character including controls and unpaired surrogates. */
    public static Arbitrary<String> keys() {
        return texts().injectNull(0.2);
    }

    /** Any text up to 20 characters, with the edges (blank, surrogates, controls) more often than chance. */
    public static Arbitrary<String> texts() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(20);
        Arbitrary<String> plain = Arbitraries.strings().alpha().numeric().withChars('-', '.', '_').ofMinLength(1)
                .ofMaxLength(20);
        Arbitrary<String> edges = Arbitraries.of("", " ", "k\uD800x", "\uDC00", "\uD83D\uDE00", "grüße", "a\u0000b",
                "\n");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, plain), net.jqwik.api.Tuple.of(2, any),
                net.jqwik.api.Tuple.of(1, edges));
    }

    /** Sizes at the limit and one byte either side, empty, and small ones. */
    public static Arbitrary<Integer> valueSizes(int maxMessageSize) {
        List<Integer> edges = new ArrayList<>(List.of(0, 1, maxMessageSize - 1, maxMessageSize, maxMessageSize + 1));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.of(edges)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, Math.min(2_000, maxMessageSize))));
    }
}
