package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code shutdown} (none).
 */
public record ShutdownParams() {
}
