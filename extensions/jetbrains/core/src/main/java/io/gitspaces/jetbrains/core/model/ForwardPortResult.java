package io.gitspaces.jetbrains.core.model;

/**
 * Result of {@code gitspaces/ports/forward}.
 *
 * @param forward the forward
 */
public record ForwardPortResult(PortForward forward) {
}
