package io.gitspaces.jetbrains.core.model;

/**
 * Result of {@code gitspaces/stop}.
 *
 * @param gitspace the gitspace
 */
public record StopGitspaceResult(Gitspace gitspace) {
}
