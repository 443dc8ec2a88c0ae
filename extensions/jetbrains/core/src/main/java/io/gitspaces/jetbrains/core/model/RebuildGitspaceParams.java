package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/rebuild}.
 *
 * @param id the gitspace id
 * @param trustRepository whether the user trusts the repository (its configuration may reach this machine)
 * @param workDoneToken the progress token; set by the client
 */
public record RebuildGitspaceParams(String id, Boolean trustRepository, String workDoneToken) {
    /**
     * Parameters that do not trust the repository.
     *
     * @param id the gitspace id
     * @param workDoneToken the progress token
     */
    public RebuildGitspaceParams(String id, String workDoneToken) {
        this(id, null, workDoneToken);
    }
}
