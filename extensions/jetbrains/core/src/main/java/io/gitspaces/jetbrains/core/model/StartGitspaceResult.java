package io.gitspaces.jetbrains.core.model;

/**
 * Result of {@code gitspaces/start}.
 *
 * @param gitspace the gitspace
 */
public record StartGitspaceResult(Gitspace gitspace) {
}
