package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/logs}.
 *
 * @param id the gitspace id
 * @param from the first position to return; the start when {@code null}
 * @param limit the most lines to return
 */
public record GitspaceLogsParams(String id, Long from, Integer limit) {
}
