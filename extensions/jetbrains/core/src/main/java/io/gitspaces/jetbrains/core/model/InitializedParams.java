package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of the {@code initialized} notification (none).
 */
public record InitializedParams() {
}
