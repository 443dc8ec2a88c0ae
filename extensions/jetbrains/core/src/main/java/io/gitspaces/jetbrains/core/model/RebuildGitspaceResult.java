package io.gitspaces.jetbrains.core.model;

/**
 * Result of {@code gitspaces/rebuild}.
 *
 * @param gitspace the gitspace
 */
public record RebuildGitspaceResult(Gitspace gitspace) {
}
