package io.gitspaces.jetbrains.core.model;

import java.time.Instant;

/**
 * Parameters of the {@code gitspaces/log} notification.
 *
 * @param gitspaceId the gitspace
 * @param pos the line's position
 * @param line the text
 * @param time when it was written
 * @param stream {@code stdout}, {@code stderr} or {@code system}
 */
public record GitspaceLogParams(String gitspaceId, long pos, String line, Instant time, String stream) {
}
