package io.gitspaces.jetbrains.core.model;

/**
 * Where a repository comes from: a clone URL or a local folder.
 *
 * @param url the clone URL, or a local path for {@code gitspaces/create}
 * @param path a local folder holding the repository (for {@code devcontainer/read})
 * @param branch the branch to check out; the remote's default when {@code null}
 * @param ref any git ref; {@code branch} wins when both are given
 * @param token an access token for an https clone; sent only in the request body, never logged
 * @param type the kind of git host, for a hosted provider that cannot tell from the URL; worked out when {@code null}
 */
public record RepositorySource(String url, String path, String branch, String ref, String token, String type) {

    /**
     * A repository without a host type (worked out from the URL).
     *
     * @param url the clone URL, or a local path
     * @param path a local folder
     * @param branch the branch
     * @param ref any git ref
     * @param token an access token
     */
    public RepositorySource(String url, String path, String branch, String ref, String token) {
        this(url, path, branch, ref, token, null);
    }

    /**
     * A repository by clone URL (or local path) and optional branch.
     *
     * @param url the clone URL
     * @param branch the branch, or {@code null} for the default branch
     * @return the source
     */
    public static RepositorySource of(String url, String branch) {
        return new RepositorySource(url, null, branch, null, null, null);
    }

    @Override
    public String toString() {
        return "RepositorySource[url=" + url + ", path=" + path + ", branch=" + branch + ", ref=" + ref
                + ", token=" + (token == null ? "null" : "<redacted>") + ", type=" + type + "]";
    }
}
