package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/ports/forward}.
 *
 * @param id the gitspace id
 * @param port the port inside the gitspace
 * @param service the compose service; null for the gitspace's own container
 * @param localPort the port wanted on 127.0.0.1; null for the same number
 * @param requireLocalPort whether only that local port will do; null for the port's attribute
 */
public record ForwardPortParams(String id, int port, String service, Integer localPort, Boolean requireLocalPort) {
}
