package io.gitspaces.jetbrains.core.model;

/**
 * A repository to pick in a create wizard.
 *
 * @param name the name to show
 * @param url the clone URL
 * @param defaultBranch the default branch, or {@code null}
 */
public record RepositoryOption(String name, String url, String defaultBranch) {
}
