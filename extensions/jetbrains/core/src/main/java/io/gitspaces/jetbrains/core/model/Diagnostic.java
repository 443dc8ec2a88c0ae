package io.gitspaces.jetbrains.core.model;

/**
 * A problem found in a devcontainer.json.
 *
 * @param file the file
 * @param line the 1-based line
 * @param column the 1-based column
 * @param severity {@code error}, {@code warning} or {@code info}
 * @param message the message
 * @param code a stable code for the problem, if any
 * @param path the JSON path of the offending member, if any
 */
public record Diagnostic(String file, int line, int column, String severity, String message, String code, String path) {
}
