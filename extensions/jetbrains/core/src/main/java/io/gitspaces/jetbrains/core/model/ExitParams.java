package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of the {@code exit} notification (none).
 */
public record ExitParams() {
}
