namespace Gitspaces.Protocol;

/// <summary>
/// One way a repository's configuration asks to reach the machine its gitspace runs on, in
/// <see cref="ErrorData.HostAccess"/> of <see cref="ErrorCodes.RepositoryUntrusted"/>.
/// </summary>
public sealed record HostAccessEntry
{
    /// <summary>Gets the kind: <c>hostCommand</c> (initializeCommand), <c>hostMount</c> (a host folder mounted in) or <c>privilege</c> (privileged, capabilities, security options, host namespaces, the Docker socket).</summary>
    public required string Kind { get; init; }

    /// <summary>Gets where the configuration asks for it, as a JSON path (<c>$.mounts[0]</c>, <c>$.runArgs[1]</c>), prefixed with its origin when an image or a Feature asks.</summary>
    public required string Property { get; init; }

    /// <summary>Gets what exactly is asked for, for a person (the command, the host path, the flag).</summary>
    public required string Detail { get; init; }
}
