package io.gitspaces.jetbrains.core.model;

/**
 * Result of {@code secrets/set}.
 *
 * @param secret the secret as stored, without its value
 */
public record SetSecretResult(SecretInfo secret) {
}
