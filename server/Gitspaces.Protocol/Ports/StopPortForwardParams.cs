namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>gitspaces/ports/stop</c>.</summary>
public sealed record StopPortForwardParams
{
    /// <summary>Gets the gitspace id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the port inside the gitspace whose forward to stop; absent to stop every forward of the gitspace.</summary>
    public int? Port { get; init; }

    /// <summary>Gets the compose service of <see cref="Port"/>; absent for the gitspace's own container.</summary>
    public string? Service { get; init; }
}
