package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/ports/stop}.
 *
 * @param id the gitspace id
 * @param port the port whose forward to stop; null for every forward of the gitspace
 * @param service the compose service of the port; null for the gitspace's own container
 */
public record StopPortForwardParams(String id, Integer port, String service) {
}
