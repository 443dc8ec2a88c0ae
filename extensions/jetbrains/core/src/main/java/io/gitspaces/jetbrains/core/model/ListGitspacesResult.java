package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * Result of {@code gitspaces/list}.
 *
 * @param gitspaces the gitspaces
 * @param problems providers that could not be listed
 */
public record ListGitspacesResult(List<Gitspace> gitspaces, List<ProviderProblem> problems) {
}
