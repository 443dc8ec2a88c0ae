package io.gitspaces.jetbrains.core.links;

import io.gitspaces.jetbrains.core.model.ConnectResult;
import java.util.Objects;

/**
 * Where an IDE connects: an SSH host (normally the alias the sidecar wrote into the SSH config), port, user and
 * the folder to open.
 *
 * @param host the SSH host alias or host name
 * @param port the SSH port
 * @param user the user
 * @param projectPath the absolute folder to open in the gitspace
 */
public record SshTarget(String host, int port, String user, String projectPath) {
    /**
     * Validates and copies.
     *
     * @param host the SSH host alias or host name
     * @param port the SSH port
     * @param user the user
     * @param projectPath the absolute folder to open in the gitspace
     */
    public SshTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(projectPath, "projectPath");
        if (host.isBlank() || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '@' || c == '#' || c == '?')) {
            throw new IllegalArgumentException("'" + host + "' is not an SSH host name or alias");
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("the SSH user is empty");
        }
        if (!projectPath.startsWith("/")) {
            throw new IllegalArgumentException("the workspace folder '" + projectPath + "' is not an absolute path in the gitspace");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("the SSH port " + port + " is out of range");
        }
    }

    /**
     * The target of a {@code gitspaces/connect} result.
     *
     * @param result the result
     * @return the target
     */
    public static SshTarget of(ConnectResult result) {
        return new SshTarget(result.sshHost(), result.effectivePort(), result.user(), result.workspaceFolder());
    }
}
