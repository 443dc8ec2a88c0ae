package io.gitspaces.jetbrains.core.model;

/**
 * The repository a gitspace was made from.
 *
 * @param url the clone URL (or local path)
 * @param branch the branch checked out, if known
 * @param commit the commit checked out, if known
 */
public record GitspaceRepository(String url, String branch, String commit) {
}
