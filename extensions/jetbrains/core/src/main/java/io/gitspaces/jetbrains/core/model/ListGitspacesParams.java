package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * Parameters of {@code gitspaces/list}.
 *
 * @param provider one provider only, or {@code null} for all
 * @param query text the id or display name contains, or {@code null}
 * @param states the states to keep, or {@code null} for all
 * @param owner {@code self} (the default) or {@code all}
 * @param sort {@code created} (the default) or {@code lastUsed}; newest first
 */
public record ListGitspacesParams(String provider, String query, List<GitspaceState> states, String owner, String sort) {

    /**
     * Every gitspace of one provider, or of all.
     *
     * @param provider one provider only, or {@code null} for all
     */
    public ListGitspacesParams(String provider) {
        this(provider, null, null, null, null);
    }
}
