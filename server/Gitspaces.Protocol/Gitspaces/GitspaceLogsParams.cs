namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>gitspaces/logs</c>.</summary>
public sealed record GitspaceLogsParams
{
    /// <summary>Gets the gitspace id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the first position to return; 0 when absent.</summary>
    public long? From { get; init; }

    /// <summary>Gets the most lines to return; 1000 when absent, at most 10000.</summary>
    public int? Limit { get; init; }
}
