using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker.Engine;

/// <summary>What the provider reads of <c>GET /containers/{name}/json</c>.</summary>
internal sealed record EngineContainerDetails
{
    /// <summary>Gets the container id.</summary>
    [JsonPropertyName("Id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the state.</summary>
    [JsonPropertyName("State")]
    public EngineContainerState State { get; init; } = new();

    /// <summary>Gets the configuration.</summary>
    [JsonPropertyName("Config")]
    public EngineContainerConfig Config { get; init; } = new();

    /// <summary>Gets the mounts.</summary>
    [JsonPropertyName("Mounts")]
    public IReadOnlyList<EngineMountPoint>? Mounts { get; init; }
}
