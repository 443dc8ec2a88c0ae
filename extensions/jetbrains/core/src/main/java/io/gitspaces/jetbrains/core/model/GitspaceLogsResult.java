package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * Result of {@code gitspaces/logs}.
 *
 * @param lines the lines
 * @param next the position to ask for next
 */
public record GitspaceLogsResult(List<LogLine> lines, long next) {
}
