package io.gitspaces.jetbrains.core.model;

/**
 * Result of {@code shutdown} (empty).
 */
public record ShutdownResult() {
}
