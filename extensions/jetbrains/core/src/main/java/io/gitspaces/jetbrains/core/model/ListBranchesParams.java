package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/list-branches}.
 *
 * @param provider the provider to ask
 * @param url the repository's clone URL
 * @param repositoryType the kind of git host, or {@code null} to work it out from the URL
 * @param search text the names contain, or {@code null}
 */
public record ListBranchesParams(String provider, String url, String repositoryType, String search) {
}
