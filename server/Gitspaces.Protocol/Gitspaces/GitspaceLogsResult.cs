namespace Gitspaces.Protocol;

/// <summary>Result of <c>gitspaces/logs</c>.</summary>
public sealed record GitspaceLogsResult
{
    /// <summary>Gets the lines.</summary>
    public required IReadOnlyList<LogLine> Lines { get; init; }

    /// <summary>Gets the position to ask for next.</summary>
    public required long Next { get; init; }
}
