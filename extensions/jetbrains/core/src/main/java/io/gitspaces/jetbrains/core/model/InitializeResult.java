package io.gitspaces.jetbrains.core.model;

/**
 * Result of {@code initialize}.
 *
 * @param serverInfo the server's name and version
 * @param protocolVersion the protocol version the server speaks
 * @param capabilities what the server supports
 */
public record InitializeResult(ServerInfo serverInfo, String protocolVersion, ServerCapabilities capabilities) {
}
