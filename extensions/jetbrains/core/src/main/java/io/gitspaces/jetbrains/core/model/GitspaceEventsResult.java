package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * Result of {@code gitspaces/events}.
 *
 * @param events the history, oldest first
 */
public record GitspaceEventsResult(List<GitspaceEvent> events) {
}
