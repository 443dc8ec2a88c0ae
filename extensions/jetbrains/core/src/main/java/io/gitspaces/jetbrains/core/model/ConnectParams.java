package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/connect}.
 *
 * @param id the gitspace id
 * @param ide the IDE to prepare for; the gitspace's own when {@code null}
 * @param workDoneToken the progress token; set by the client
 */
public record ConnectParams(String id, String ide, String workDoneToken) {
}
