namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>gitspaces/ports/forward</c>.</summary>
public sealed record ForwardPortParams
{
    /// <summary>Gets the gitspace id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the port inside the gitspace (1–65535).</summary>
    public required int Port { get; init; }

    /// <summary>Gets the compose service whose container has the port; absent for the gitspace's own container.</summary>
    public string? Service { get; init; }

    /// <summary>Gets the port wanted on 127.0.0.1 (default: the same number as <see cref="Port"/>); when it is taken, the next free one is used unless <see cref="RequireLocalPort"/>.</summary>
    public int? LocalPort { get; init; }

    /// <summary>Gets whether to fail with <c>PortUnavailable</c> rather than take another local port (default: the port's <c>requireLocalPort</c> attribute).</summary>
    public bool? RequireLocalPort { get; init; }
}
