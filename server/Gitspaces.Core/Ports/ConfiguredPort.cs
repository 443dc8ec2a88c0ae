namespace Gitspaces.Core.Ports;

/// <summary>A port devcontainer.json asks to forward: an entry of <c>forwardPorts</c> or <c>appPort</c>.</summary>
/// <param name="Port">The port inside the gitspace.</param>
/// <param name="Service">The compose service (<c>"db:5432"</c>), or <see langword="null"/> for the gitspace's own container.</param>
/// <param name="LocalPort">The local port the entry names (<c>appPort</c>'s <c>"8000:8010"</c>), or <see langword="null"/> for the same number.</param>
public sealed record ConfiguredPort(int Port, string? Service = null, int? LocalPort = null);
