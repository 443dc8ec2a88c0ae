namespace Gitspaces.Protocol;

/// <summary>Result of <c>gitspaces/ports/forward</c>.</summary>
public sealed record ForwardPortResult
{
    /// <summary>Gets the forward (an existing one when the port was already forwarded by this process).</summary>
    public required PortForward Forward { get; init; }
}
