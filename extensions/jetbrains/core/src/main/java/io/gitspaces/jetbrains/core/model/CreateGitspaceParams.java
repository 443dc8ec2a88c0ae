package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/create}.
 *
 * @param name the name; derived from the repository when {@code null}; any text with the {@code displayNames} capability
 * @param repository the repository
 * @param devcontainerPath the configuration file; found automatically when {@code null}
 * @param provider the provider; the default one when {@code null}
 * @param ide the IDE id (see {@link Ides})
 * @param resource where a hosted gitspace runs
 * @param workDoneToken the progress token; set by the client
 * @param sshKeyId an SSH key the user registered with the provider ({@code sshKeys} capability), or {@code null}
 */
public record CreateGitspaceParams(String name, RepositorySource repository, String devcontainerPath, String provider, String ide, ResourceSpec resource, String workDoneToken, String sshKeyId) {

    /**
     * A create without a registered SSH key.
     *
     * @param name the name, or {@code null}
     * @param repository the repository
     * @param devcontainerPath the configuration file, or {@code null}
     * @param provider the provider, or {@code null}
     * @param ide the IDE id, or {@code null}
     * @param resource where a hosted gitspace runs, or {@code null}
     * @param workDoneToken the progress token; set by the client
     */
    public CreateGitspaceParams(String name, RepositorySource repository, String devcontainerPath, String provider, String ide, ResourceSpec resource, String workDoneToken) {
        this(name, repository, devcontainerPath, provider, ide, resource, workDoneToken, null);
    }
}
