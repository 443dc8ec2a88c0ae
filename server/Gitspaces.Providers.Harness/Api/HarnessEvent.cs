namespace Gitspaces.Providers.Harness.Api;

/// <summary>A Harness <c>GitspaceEventResponse</c>: one timeline entry; the events API returns them newest first.</summary>
public sealed record HarnessEvent
{
    /// <summary>Gets the event type (for example <c>gitspace_action_start</c>).</summary>
    public required string Event { get; init; }

    /// <summary>Gets the gitspace config identifier the event belongs to.</summary>
    public string? QueryKey { get; init; }

    /// <summary>Gets <c>gitspace_config</c> or <c>gitspace_instance</c>.</summary>
    public string? EntityType { get; init; }

    /// <summary>Gets when it happened, in unix nanoseconds.</summary>
    public long Timestamp { get; init; }

    /// <summary>Gets when it was stored, in unix milliseconds.</summary>
    public long Created { get; init; }

    /// <summary>Gets when it happened, as RFC 3339 with nanoseconds.</summary>
    public string? EventTime { get; init; }

    /// <summary>Gets the message for a person.</summary>
    public string? Message { get; init; }
}
