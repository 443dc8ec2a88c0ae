package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * Parameters of {@code gitspaces/create}.
 *
 * @param name the name; derived from the repository when {@code null}; any text with the {@code displayNames} capability
 * @param repository the repository
 * @param devcontainerPath the configuration file; found automatically when {@code null}
 * @param provider the provider; the default one when {@code null}
 * @param ide the IDE id (see {@link Ides})
 * @param resource where a hosted gitspace runs
 * @param trustRepository whether the user trusts the repository (its configuration may reach this machine)
 * @param workDoneToken the progress token; set by the client
 * @param sshKeyId an SSH key the user registered with the provider ({@code sshKeys} capability), or {@code null}
 * @param dotfiles the user's dotfiles to install ({@code dotfiles} capability); the sidecar's {@code dotfiles.*}
 *     settings apply when {@code null}, and {@link DotfilesSource#none()} turns them off
 * @param autoStopSeconds after how many idle seconds the gitspace stops itself ({@code autoStop} capability),
 *     {@code 0} never; the sidecar's {@code autoStop} setting, else 3600, when {@code null}
 */
public record CreateGitspaceParams(String name, RepositorySource repository, String devcontainerPath, String provider, String ide,
        ResourceSpec resource, Boolean trustRepository, String workDoneToken, String sshKeyId, DotfilesSource dotfiles,
        Integer autoStopSeconds) {

    /**
     * A create without dotfiles or auto-stop of its own (the sidecar's settings apply).
     *
     * @param name the name, or {@code null}
     * @param repository the repository
     * @param devcontainerPath the configuration file, or {@code null}
     * @param provider the provider, or {@code null}
     * @param ide the IDE id, or {@code null}
     * @param resource where a hosted gitspace runs, or {@code null}
     * @param trustRepository whether the user trusts the repository, or {@code null}
     * @param workDoneToken the progress token; set by the client
     * @param sshKeyId a registered SSH key, or {@code null}
     */
    public CreateGitspaceParams(String name, RepositorySource repository, String devcontainerPath, String provider, String ide,
            ResourceSpec resource, Boolean trustRepository, String workDoneToken, String sshKeyId) {
        this(name, repository, devcontainerPath, provider, ide, resource, trustRepository, workDoneToken, sshKeyId, null, null);
    }

    /**
     * A create that does not trust the repository, without a registered SSH key.
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
        this(name, repository, devcontainerPath, provider, ide, resource, null, workDoneToken, null, null, null);
    }

    /**
     * The same parameters, trusting the repository: send them after the user agreed to what a
     * {@link ErrorCodes#REPOSITORY_UNTRUSTED} error listed.
     *
     * @return the parameters with {@code trustRepository} set
     */
    public CreateGitspaceParams trusted() {
        return new CreateGitspaceParams(name, repository, devcontainerPath, provider, ide, resource, Boolean.TRUE, workDoneToken, sshKeyId,
                dotfiles, autoStopSeconds);
    }

    /**
     * The same parameters with the user's dotfiles.
     *
     * @param source the dotfiles, {@link DotfilesSource#none()}, or {@code null} for the sidecar's settings
     * @return the parameters with {@code dotfiles} set
     */
    public CreateGitspaceParams withDotfiles(DotfilesSource source) {
        return new CreateGitspaceParams(name, repository, devcontainerPath, provider, ide, resource, trustRepository, workDoneToken, sshKeyId,
                source, autoStopSeconds);
    }

    /**
     * The same parameters with an idle timeout (see {@link io.gitspaces.jetbrains.core.client.AutoStop}).
     *
     * @param seconds the timeout in seconds, {@code 0} never, or {@code null} for the sidecar's setting
     * @return the parameters with {@code autoStopSeconds} set
     */
    public CreateGitspaceParams withAutoStopSeconds(Integer seconds) {
        return new CreateGitspaceParams(name, repository, devcontainerPath, provider, ide, resource, trustRepository, workDoneToken, sshKeyId,
                dotfiles, seconds);
    }

    /**
     * The same parameters without what the provider cannot take: {@code dotfiles} unless it has the {@code dotfiles}
     * capability, {@code autoStopSeconds} unless it has {@code autoStop}. A form prefilled from the user's settings
     * sends this, so that a default meant for Docker gitspaces does not make a Harness create fail with
     * {@code NotSupported}.
     *
     * @param capabilities the provider's capabilities ({@link ProviderInfo#capabilities()}), or {@code null} for none
     * @return the parameters the provider takes
     */
    public CreateGitspaceParams forCapabilities(List<String> capabilities) {
        List<String> has = capabilities == null ? List.of() : capabilities;
        return withDotfiles(has.contains("dotfiles") ? dotfiles : null).withAutoStopSeconds(has.contains("autoStop") ? autoStopSeconds : null);
    }
}
