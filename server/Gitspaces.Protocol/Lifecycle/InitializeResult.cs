namespace Gitspaces.Protocol;

/// <summary>Result of <c>initialize</c>.</summary>
public sealed record InitializeResult
{
    /// <summary>Gets the server's name and version.</summary>
    public required ServerInfo ServerInfo { get; init; }

    /// <summary>Gets the protocol's version (see <see cref="ProtocolInfo.Version"/>).</summary>
    public required string ProtocolVersion { get; init; }

    /// <summary>Gets what the server offers.</summary>
    public required ServerCapabilities Capabilities { get; init; }
}
