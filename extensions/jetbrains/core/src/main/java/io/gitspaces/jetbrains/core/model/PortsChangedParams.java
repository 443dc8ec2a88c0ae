package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * Parameters of the {@code gitspaces/portsChanged} notification.
 *
 * @param id the gitspace id
 * @param provider the provider id
 * @param ports the gitspace's ports as they are now
 * @param opened the ports that started listening
 * @param closed the ports that stopped listening
 */
public record PortsChangedParams(String id, String provider, List<GitspacePort> ports, List<Integer> opened, List<Integer> closed) {
}
