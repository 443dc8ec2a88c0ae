package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/list-repos}.
 *
 * @param provider the provider to ask
 * @param repositoryType the kind of git host (Harness: {@code github}, {@code harness_code}, …)
 * @param search text the names contain, or {@code null}
 */
public record ListReposParams(String provider, String repositoryType, String search) {
}
