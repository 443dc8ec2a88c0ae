package io.gitspaces.jetbrains.core.model;

import java.time.Instant;

/**
 * One line of a gitspace's log.
 *
 * @param pos the line's position, for paging
 * @param line the text
 * @param time when it was written
 * @param stream {@code stdout}, {@code stderr} or {@code system}
 */
public record LogLine(long pos, String line, Instant time, String stream) {
}
