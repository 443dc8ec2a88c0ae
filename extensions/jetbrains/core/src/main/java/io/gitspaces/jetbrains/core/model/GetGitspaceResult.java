package io.gitspaces.jetbrains.core.model;

/**
 * Result of {@code gitspaces/get}.
 *
 * @param gitspace the gitspace
 */
public record GetGitspaceResult(Gitspace gitspace) {
}
