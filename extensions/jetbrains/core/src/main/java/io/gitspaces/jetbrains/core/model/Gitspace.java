package io.gitspaces.jetbrains.core.model;

import java.time.Instant;

/**
 * A development environment made from a repository.
 *
 * @param id the id, unique per provider
 * @param name the display name
 * @param provider the provider that runs it ({@code docker} or {@code harness})
 * @param repository the repository it was made from
 * @param devcontainerPath the configuration file used, relative to the repository root
 * @param ide the IDE id it was made for (see {@link Ides})
 * @param state its state
 * @param readiness whether setup finished; present while running
 * @param errorMessage why the last operation failed
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param workspaceFolder the folder an editor opens inside it
 * @param remoteUser the user the editor runs as
 * @param sshHost the SSH host alias the sidecar wrote for it
 * @param image the image or machine type, for display
 * @param resource the machine (hosted providers), or {@code null}
 * @param sshKeyId the SSH key registered with the provider that logs in, or {@code null}
 * @param autoStopSeconds after how many idle seconds it stops itself ({@code 0}: never), where the provider has the
 *     {@code autoStop} capability; {@code null} elsewhere
 * @param lastUsedAt when an editor last used it, where the provider knows
 */
public record Gitspace(
        String id,
        String name,
        String provider,
        GitspaceRepository repository,
        String devcontainerPath,
        String ide,
        GitspaceState state,
        GitspaceReadiness readiness,
        String errorMessage,
        Instant createdAt,
        Instant updatedAt,
        String workspaceFolder,
        String remoteUser,
        String sshHost,
        String image,
        ResourceSpec resource,
        String sshKeyId,
        Integer autoStopSeconds,
        Instant lastUsedAt) {

    /**
     * A gitspace without the hosted-only fields.
     *
     * @param id the id
     * @param name the display name
     * @param provider the provider
     * @param repository the repository
     * @param devcontainerPath the configuration file
     * @param ide the IDE id
     * @param state its state
     * @param readiness whether setup finished
     * @param errorMessage why the last operation failed
     * @param createdAt when it was created
     * @param updatedAt when it last changed
     * @param workspaceFolder the folder an editor opens
     * @param remoteUser the user the editor runs as
     * @param sshHost the SSH host alias
     * @param image the image or machine type
     */
    public Gitspace(String id, String name, String provider, GitspaceRepository repository, String devcontainerPath, String ide,
            GitspaceState state, GitspaceReadiness readiness, String errorMessage, Instant createdAt, Instant updatedAt,
            String workspaceFolder, String remoteUser, String sshHost, String image) {
        this(id, name, provider, repository, devcontainerPath, ide, state, readiness, errorMessage, createdAt, updatedAt,
                workspaceFolder, remoteUser, sshHost, image, null, null, null, null);
    }
}
