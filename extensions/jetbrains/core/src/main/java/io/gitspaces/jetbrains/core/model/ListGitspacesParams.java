package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/list}.
 *
 * @param provider one provider only, or {@code null} for all
 */
public record ListGitspacesParams(String provider) {
}
