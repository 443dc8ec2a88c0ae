package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code devcontainer/read}.
 *
 * @param repository the repository to read
 * @param configPath the configuration file, relative to the root; found automatically when {@code null}
 */
public record DevcontainerReadParams(RepositorySource repository, String configPath) {
}
