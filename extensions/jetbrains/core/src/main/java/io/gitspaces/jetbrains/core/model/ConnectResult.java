package io.gitspaces.jetbrains.core.model;

/**
 * Result of {@code gitspaces/connect}: what an editor needs to get inside the gitspace.
 *
 * @param sshHost the SSH host alias (in the user's SSH config) or host name
 * @param user the user to log in as
 * @param port the SSH port ({@code null} or 0 on the wire means 22)
 * @param workspaceFolder the folder to open
 * @param sshCommand a command line that opens a shell in the workspace folder
 * @param remoteUri the {@code vscode-remote://} folder URI
 * @param links the deep links the sidecar built
 * @param gitspace the gitspace as it is now
 */
public record ConnectResult(
        String sshHost,
        String user,
        Integer port,
        String workspaceFolder,
        String sshCommand,
        String remoteUri,
        ConnectLinks links,
        Gitspace gitspace) {

    /**
     * The SSH port, defaulting to 22 as the contract does.
     *
     * @return the port
     */
    public int effectivePort() {
        return port == null || port == 0 ? 22 : port;
    }
}
