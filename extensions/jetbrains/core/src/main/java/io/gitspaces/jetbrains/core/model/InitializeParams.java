package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code initialize}.
 *
 * @param processId the client's process id, so the server can exit when it dies
 * @param clientInfo the client's name and version
 * @param capabilities what the client supports
 */
public record InitializeParams(Integer processId, ClientInfo clientInfo, ClientCapabilities capabilities) {
}
