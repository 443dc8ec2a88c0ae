namespace Gitspaces.Core.Trust;

/// <summary>One way a repository's configuration reaches the machine it runs on (see <see cref="HostAccessKinds"/>).</summary>
public sealed record HostAccess
{
    /// <summary>Gets what kind of access it is (see <see cref="HostAccessKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>Gets where the configuration asks for it, as a JSON path (<c>$.initializeCommand</c>, <c>$.mounts[0]</c>).</summary>
    public required string Property { get; init; }

    /// <summary>Gets what exactly is asked for, for a person (the command, the host path); never a secret.</summary>
    public required string Detail { get; init; }
}
