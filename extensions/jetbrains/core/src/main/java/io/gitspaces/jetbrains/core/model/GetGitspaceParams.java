package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/get}.
 *
 * @param id the gitspace id
 */
public record GetGitspaceParams(String id) {
}
