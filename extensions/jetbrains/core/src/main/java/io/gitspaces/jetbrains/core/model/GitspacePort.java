package io.gitspaces.jetbrains.core.model;

/**
 * One port of a gitspace: configured, listening, forwarded, or several of these.
 *
 * @param port the port inside the gitspace
 * @param service the compose service whose container has the port; null for the gitspace's own container
 * @param configured whether {@code forwardPorts} lists it
 * @param listening whether a process listens on it inside the gitspace now
 * @param attributes its attributes, defaults applied
 * @param forward its forward on this machine; may be null
 */
public record GitspacePort(int port, String service, boolean configured, boolean listening, PortAttributes attributes, PortForward forward) {
}
