package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * Result of {@code gitspaces/ports}.
 *
 * @param ports the gitspace's ports
 */
public record ListPortsResult(List<GitspacePort> ports) {
}
