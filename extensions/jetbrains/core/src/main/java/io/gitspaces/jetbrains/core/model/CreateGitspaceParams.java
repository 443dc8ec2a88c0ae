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
 * @param workDoneToken the progress token; set by the client
 */
public record CreateGitspaceParams(String name, RepositorySource repository, String devcontainerPath, String provider, String ide, ResourceSpec resource, String workDoneToken) {
}
