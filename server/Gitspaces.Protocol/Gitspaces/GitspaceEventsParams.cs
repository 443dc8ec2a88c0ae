namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>gitspaces/events</c>.</summary>
public sealed record GitspaceEventsParams
{
    /// <summary>Gets the gitspace id.</summary>
    public required string Id { get; init; }
}
