namespace Gitspaces.Core.Trust;

/// <summary>The kinds of <see cref="HostAccess"/> a provider reports.</summary>
public static class HostAccessKinds
{
    /// <summary>A command that runs on this machine, outside any container (<c>initializeCommand</c>).</summary>
    public const string HostCommand = "hostCommand";

    /// <summary>A folder or file of this machine mounted into the gitspace.</summary>
    public const string HostMount = "hostMount";

    /// <summary>A container that shares or escapes the host's isolation (<c>privileged</c>, host namespaces, added capabilities, the Docker socket).</summary>
    public const string Privilege = "privilege";
}
