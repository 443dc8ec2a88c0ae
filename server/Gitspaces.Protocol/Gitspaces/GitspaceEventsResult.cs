namespace Gitspaces.Protocol;

/// <summary>Result of <c>gitspaces/events</c>.</summary>
public sealed record GitspaceEventsResult
{
    /// <summary>Gets the events, oldest first.</summary>
    public required IReadOnlyList<GitspaceEvent> Events { get; init; }
}
