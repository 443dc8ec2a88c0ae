package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/ports}.
 *
 * @param id the gitspace id
 */
public record ListPortsParams(String id) {
}
