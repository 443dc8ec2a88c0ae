namespace Gitspaces.Protocol;

/// <summary>
/// Parameters of the <c>gitspaces/portsChanged</c> notification: a gitspace's ports changed (a port started or stopped
/// listening, a forward started or stopped). The client decides from each new port's <c>onAutoForward</c> what to do.
/// </summary>
public sealed record PortsChangedParams
{
    /// <summary>Gets the gitspace id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the provider id.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the gitspace's ports as they are now (what <c>gitspaces/ports</c> answers).</summary>
    public required IReadOnlyList<GitspacePort> Ports { get; init; }

    /// <summary>Gets the ports that started listening since the last notification (the first one after a start lists every listening port).</summary>
    public IReadOnlyList<int> Opened { get; init; } = [];

    /// <summary>Gets the ports that stopped listening since the last notification.</summary>
    public IReadOnlyList<int> Closed { get; init; } = [];
}
