package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of the {@code window/logMessage} notification.
 *
 * @param type 1 error, 2 warning, 3 info, 4 log
 * @param message the message
 */
public record LogMessageParams(int type, String message) {
}
