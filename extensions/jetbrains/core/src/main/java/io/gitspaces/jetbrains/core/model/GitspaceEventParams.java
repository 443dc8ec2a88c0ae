package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of the {@code gitspaces/event} notification.
 *
 * @param gitspaceId the gitspace
 * @param event the event
 */
public record GitspaceEventParams(String gitspaceId, GitspaceEvent event) {
}
