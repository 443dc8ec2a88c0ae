package io.gitspaces.jetbrains.core.model;

/**
 * Result of {@code secrets/delete}.
 *
 * @param deleted whether the secret existed and is now gone
 */
public record DeleteSecretResult(boolean deleted) {
}
