namespace Gitspaces.Protocol;

/// <summary>Result of <c>gitspaces/connect</c>: what an editor needs to get inside the gitspace.</summary>
public sealed record ConnectResult
{
    /// <summary>Gets the SSH host alias (in the user's SSH config) or host name.</summary>
    public required string SshHost { get; init; }

    /// <summary>Gets the user to log in as.</summary>
    public required string User { get; init; }

    /// <summary>Gets the SSH port; 22 for an alias of ours.</summary>
    public int Port { get; init; } = 22;

    /// <summary>Gets the folder to open.</summary>
    public required string WorkspaceFolder { get; init; }

    /// <summary>Gets a command line that opens a shell in the workspace folder.</summary>
    public required string SshCommand { get; init; }

    /// <summary>Gets the <c>vscode-remote://ssh-remote+…</c> folder URI for <c>vscode.openFolder</c>.</summary>
    public required string RemoteUri { get; init; }

    /// <summary>Gets the deep links for each editor.</summary>
    public required ConnectLinks Links { get; init; }

    /// <summary>Gets the gitspace as it is now (started if it was stopped).</summary>
    public required Gitspace Gitspace { get; init; }
}
