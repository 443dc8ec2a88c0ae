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
 */
public record UpdateGitspaceParams(String id, String name, String ide, ResourceSpec resource, String sshKeyId, String workDoneToken) {
}
