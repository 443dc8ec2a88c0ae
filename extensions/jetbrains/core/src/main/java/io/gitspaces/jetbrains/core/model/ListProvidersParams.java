package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code providers/list}.
 *
 * @param skipCheck whether to skip the reachability check
 */
public record ListProvidersParams(Boolean skipCheck) {
}
