package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * Result of {@code gitspaces/list-repos}.
 *
 * @param repositories the repositories
 */
public record ListReposResult(List<RepositoryOption> repositories) {
}
