namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>initialize</c>.</summary>
public sealed record InitializeParams
{
    /// <summary>Gets the client's process id; the server exits when that process dies.</summary>
    public int? ProcessId { get; init; }

    /// <summary>Gets who the client is.</summary>
    public ClientInfo? ClientInfo { get; init; }

    /// <summary>Gets what the client can handle.</summary>
    public ClientCapabilities? Capabilities { get; init; }
}
