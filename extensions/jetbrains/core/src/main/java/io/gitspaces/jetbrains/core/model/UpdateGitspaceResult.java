package io.gitspaces.jetbrains.core.model;

/**
 * Result of {@code gitspaces/update}.
 *
 * @param gitspace the gitspace as it is now
 */
public record UpdateGitspaceResult(Gitspace gitspace) {
}
