namespace Gitspaces.Protocol;

/// <summary>Result of <c>gitspaces/ports/stop</c>.</summary>
public sealed record StopPortForwardResult
{
    /// <summary>Gets the forwards that were stopped (those of this process, and those of other gitspaces processes on this machine).</summary>
    public required IReadOnlyList<PortForward> Stopped { get; init; }
}
