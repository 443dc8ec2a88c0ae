package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/update}: what to change; {@code null} fields stay.
 *
 * @param id the gitspace id
 * @param name a new display name ({@code displayNames} capability)
 * @param ide a new IDE id
 * @param resource a new machine (hosted providers)
 * @param sshKeyId an SSH key registered with the provider, to log in with from the next start
 * @param workDoneToken the progress token; set by the client
 * @param autoStopSeconds a new idle timeout in seconds, {@code 0} never ({@code autoStop} capability); a running
 *     gitspace applies it at once
 */
public record UpdateGitspaceParams(String id, String name, String ide, ResourceSpec resource, String sshKeyId, String workDoneToken,
        Integer autoStopSeconds) {

    /**
     * An update of the display name, IDE, machine or SSH key.
     *
     * @param id the gitspace id
     * @param name a new display name, or {@code null}
     * @param ide a new IDE id, or {@code null}
     * @param resource a new machine, or {@code null}
     * @param sshKeyId a registered SSH key, or {@code null}
     * @param workDoneToken the progress token; set by the client
     */
    public UpdateGitspaceParams(String id, String name, String ide, ResourceSpec resource, String sshKeyId, String workDoneToken) {
        this(id, name, ide, resource, sshKeyId, workDoneToken, null);
    }

    /**
     * An update of the idle timeout alone, which needs no {@code update} capability.
     *
     * @param id the gitspace id
     * @param seconds the timeout in seconds, {@code 0} never
     * @return the parameters
     */
    public static UpdateGitspaceParams autoStop(String id, int seconds) {
        return new UpdateGitspaceParams(id, null, null, null, null, null, seconds);
    }
}
