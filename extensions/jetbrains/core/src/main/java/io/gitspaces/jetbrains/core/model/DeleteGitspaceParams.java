package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/delete}.
 *
 * @param id the gitspace id
 * @param workDoneToken the progress token; set by the client
 */
public record DeleteGitspaceParams(String id, String workDoneToken) {
}
