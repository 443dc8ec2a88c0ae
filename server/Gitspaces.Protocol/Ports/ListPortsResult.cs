namespace Gitspaces.Protocol;

/// <summary>Result of <c>gitspaces/ports</c>.</summary>
public sealed record ListPortsResult
{
    /// <summary>Gets the gitspace's ports, by service (the gitspace's own container first), then number.</summary>
    public required IReadOnlyList<GitspacePort> Ports { get; init; }
}
