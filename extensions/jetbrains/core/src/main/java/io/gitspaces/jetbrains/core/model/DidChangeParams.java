package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of the {@code gitspaces/didChange} notification.
 *
 * @param gitspace the gitspace as it is now
 */
public record DidChangeParams(Gitspace gitspace) {
}
