package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/stop}.
 *
 * @param id the gitspace id
 * @param workDoneToken the progress token; set by the client
 */
public record StopGitspaceParams(String id, String workDoneToken) {
}
