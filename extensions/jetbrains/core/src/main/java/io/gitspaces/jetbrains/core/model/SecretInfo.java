package io.gitspaces.jetbrains.core.model;

import java.time.Instant;

/**
 * A secret as clients see it: its name and scope, never its value.
 *
 * @param name the environment variable it becomes in a gitspace
 * @param scope the repositories it reaches: a URL pattern without scheme or credentials where {@code *} matches any
 *     text ({@code github.com/org/*}), or {@code null} for every gitspace
 * @param updatedAt when its value was last set
 */
public record SecretInfo(String name, String scope, Instant updatedAt) {

    /**
     * The scope for display: the pattern, or {@code global} for a secret of every gitspace.
     *
     * @return the label
     */
    public String scopeLabel() {
        return scope == null ? "global" : scope;
    }
}
