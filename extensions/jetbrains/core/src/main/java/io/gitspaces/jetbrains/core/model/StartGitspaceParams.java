package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/start}.
 *
 * @param id the gitspace id
 * @param workDoneToken the progress token; set by the client
 */
public record StartGitspaceParams(String id, String workDoneToken) {
}
