package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * Result of {@code gitspaces/ports/stop}.
 *
 * @param stopped the forwards that were stopped
 */
public record StopPortForwardResult(List<PortForward> stopped) {
}
