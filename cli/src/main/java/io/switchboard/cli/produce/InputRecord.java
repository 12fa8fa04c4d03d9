package io.switchboard.cli.produce;

import java.util.Map;

/**
 * One message read from the input.
 *
 * @param line    its line number, from 1
 * @param key     the key, or null
 * @param value   the value
 * @param headers the headers of the line (the command's {@code -H} headers are added when sending)
 */
record InputRecord(long line, String key, String value, Map<String, String> headers) {
}
