namespace Gitspaces.Protocol;

/// <summary>The server's name and version.</summary>
public sealed record ServerInfo
{
    /// <summary>Gets the server's name, <c>gitspaces</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the server's version (semantic version from git history).</summary>
    public required string Version { get; init; }
}
