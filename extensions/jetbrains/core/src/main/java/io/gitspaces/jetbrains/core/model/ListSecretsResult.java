package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * Result of {@code secrets/list}.
 *
 * @param secrets the secrets, by name then scope, without values
 */
public record ListSecretsResult(List<SecretInfo> secrets) {
}
