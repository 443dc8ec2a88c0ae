namespace Gitspaces.Protocol;

/// <summary>Parameters of the <c>gitspaces/event</c> notification.</summary>
public sealed record GitspaceEventParams
{
    /// <summary>Gets the gitspace the event belongs to.</summary>
    public required string GitspaceId { get; init; }

    /// <summary>Gets the event.</summary>
    public required GitspaceEvent Event { get; init; }
}
