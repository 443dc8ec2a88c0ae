namespace Gitspaces.Protocol;

/// <summary>One step in a gitspace's history, with Harness's event type names where they exist.</summary>
public sealed record GitspaceEvent
{
    /// <summary>Gets the event type (for example <c>fetch_devcontainer_start</c>; see <see cref="EventTypes"/>).</summary>
    public required string Type { get; init; }

    /// <summary>Gets the message for a person.</summary>
    public required string Message { get; init; }

    /// <summary>Gets when it happened.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
