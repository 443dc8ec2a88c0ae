package io.gitspaces.jetbrains.core.model;

/**
 * What the client supports.
 *
 * @param workDoneProgress whether the client handles {@code $/progress}
 */
public record ClientCapabilities(Boolean workDoneProgress) {
}
