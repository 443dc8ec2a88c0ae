package io.gitspaces.jetbrains.core.model;

/**
 * Where the workspace lives inside the container.
 *
 * @param workspaceFolder the folder an editor opens
 * @param workspaceMount the mount specification, if any
 */
public record WorkspaceInfo(String workspaceFolder, String workspaceMount) {
}
