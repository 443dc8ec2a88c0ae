package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/create}.
 *
 * @param name the display name; derived from the repository when {@code null}
 * @param repository the repository
 * @param devcontainerPath the configuration file; found automatically when {@code null}
 * @param provider the provider; the default one when {@code null}
 * @param ide the IDE id (see {@link Ides})
 * @param resource where a hosted gitspace runs
 * @param trustRepository whether the user trusts the repository (its configuration may reach this machine)
 * @param workDoneToken the progress token; set by the client
 */
public record CreateGitspaceParams(String name, RepositorySource repository, String devcontainerPath, String provider, String ide, ResourceSpec resource, Boolean trustRepository, String workDoneToken) {
    /**
     * Parameters that do not trust the repository.
     *
     * @param name the display name
     * @param repository the repository
     * @param devcontainerPath the configuration file
     * @param provider the provider
     * @param ide the IDE id
     * @param resource where a hosted gitspace runs
     * @param workDoneToken the progress token
     */
    public CreateGitspaceParams(String name, RepositorySource repository, String devcontainerPath, String provider, String ide, ResourceSpec resource, String workDoneToken) {
        this(name, repository, devcontainerPath, provider, ide, resource, null, workDoneToken);
    }

    /**
     * The same parameters, trusting the repository: send them after the user agreed to what a
     * {@link ErrorCodes#REPOSITORY_UNTRUSTED} error listed.
     *
     * @return the parameters with {@code trustRepository} set
     */
    public CreateGitspaceParams trusted() {
        return new CreateGitspaceParams(name, repository, devcontainerPath, provider, ide, resource, Boolean.TRUE, workDoneToken);
    }
}
