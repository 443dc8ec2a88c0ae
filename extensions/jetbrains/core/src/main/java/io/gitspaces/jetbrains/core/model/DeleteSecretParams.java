package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code secrets/delete}.
 *
 * @param name the name
 * @param scope the scope it was set for; the global one when {@code null}
 */
public record DeleteSecretParams(String name, String scope) {
}
