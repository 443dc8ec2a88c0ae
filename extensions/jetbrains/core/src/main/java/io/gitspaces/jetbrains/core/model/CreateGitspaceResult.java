package io.gitspaces.jetbrains.core.model;

/**
 * Result of {@code gitspaces/create}.
 *
 * @param gitspace the gitspace, running or failed
 */
public record CreateGitspaceResult(Gitspace gitspace) {
}
