package io.switchboard.benchmarks;

/** A value size as the reports show it: {@code 100B}, {@code 1KiB}. */
final class SizeText {
    private SizeText() {
    }

    static String of(int size) {
        return size > 0 && size % 1024 == 0 ? size / 1024 + "KiB" : size + "B";
    }
}
