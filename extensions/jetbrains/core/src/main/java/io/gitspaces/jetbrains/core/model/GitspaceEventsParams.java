package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/events}.
 *
 * @param id the gitspace id
 */
public record GitspaceEventsParams(String id) {
}
