package io.gitspaces.jetbrains.core.model;

/**
 * Result of {@code gitspaces/delete}.
 *
 * @param id the gitspace id
 * @param deleted whether it existed and was deleted
 */
public record DeleteGitspaceResult(String id, boolean deleted) {
}
