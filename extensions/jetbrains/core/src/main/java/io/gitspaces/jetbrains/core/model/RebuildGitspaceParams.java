package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/rebuild}.
 *
 * @param id the gitspace id
 * @param workDoneToken the progress token; set by the client
 */
public record RebuildGitspaceParams(String id, String workDoneToken) {
}
