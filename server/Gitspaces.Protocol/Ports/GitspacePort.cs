namespace Gitspaces.Protocol;

/// <summary>One port of a gitspace: configured (<c>forwardPorts</c>, <c>appPort</c>), detected listening, forwarded, or several of these.</summary>
public sealed record GitspacePort
{
    /// <summary>Gets the port inside the gitspace.</summary>
    public required int Port { get; init; }

    /// <summary>Gets the compose service whose container has the port (<c>"db:5432"</c> in <c>forwardPorts</c>); absent for the gitspace's own container.</summary>
    public string? Service { get; init; }

    /// <summary>Gets whether devcontainer.json lists the port (<c>forwardPorts</c> or <c>appPort</c>).</summary>
    public bool Configured { get; init; }

    /// <summary>Gets whether a process listens on the port inside the gitspace now (detected from its TCP table; only for the gitspace's own container).</summary>
    public bool Listening { get; init; }

    /// <summary>Gets the port's attributes, defaults applied.</summary>
    public required PortAttributes Attributes { get; init; }

    /// <summary>Gets the forward of the port, when one exists on this machine.</summary>
    public PortForward? Forward { get; init; }
}
