package io.switchboard;

/** Batch compression ({@code switchboard.compression}); bindings whose broker lacks a codec fail with {@link Reason#UNSUPPORTED}. */
public enum Compression {
    /** No compression. The default. */
    NONE,
    /** gzip. */
    GZIP,
    /** Snappy. */
    SNAPPY,
    /** LZ4. */
    LZ4,
    /** Zstandard. */
    ZSTD
}
