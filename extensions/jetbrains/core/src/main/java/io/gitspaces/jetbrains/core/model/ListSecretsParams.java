package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code secrets/list}.
 *
 * @param repository a repository URL: only the secrets whose scope covers it are listed; {@code null} for all
 */
public record ListSecretsParams(String repository) {
}
