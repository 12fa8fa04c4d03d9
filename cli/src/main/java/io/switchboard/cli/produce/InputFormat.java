package io.switchboard.cli.produce;

/** How {@code produce} reads its input: one message per line. */
enum InputFormat {
    /** The line is the value, or key, delimiter, value with {@code -K}. */
    TEXT,
    /** The line is a JSON object with {@code value} and optional {@code key} and {@code headers}. */
    JSON
}
