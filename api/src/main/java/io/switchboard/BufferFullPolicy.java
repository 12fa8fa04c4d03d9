package io.switchboard;

/** What {@link Producer#sendAsync} does when the buffer of unacknowledged messages is full ({@code switchboard.buffer.when-full}). */
public enum BufferFullPolicy {
    /** Wait for room up to {@code switchboard.max-block}, then fail with {@link Reason#BUFFER_FULL}. The default. */
    BLOCK,
    /** Fail with {@link Reason#BUFFER_FULL} at once. */
    FAIL
}
