package io.gitspaces.jetbrains.core.model;

/**
 * The repository a gitspace was made from.
 *
 * @param url the clone URL (or local path)
 * @param branch the branch checked out, if known
 * @param commit the commit checked out, if known
 * @param type the kind of git host, where the provider keeps it
 */
public record GitspaceRepository(String url, String branch, String commit, String type) {

    /**
     * A repository without a host type.
     *
     * @param url the clone URL (or local path)
     * @param branch the branch checked out, if known
     * @param commit the commit checked out, if known
     */
    public GitspaceRepository(String url, String branch, String commit) {
        this(url, branch, commit, null);
    }
}
