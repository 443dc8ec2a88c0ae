using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker.Engine;

/// <summary>The answer of <c>GET /volumes</c>.</summary>
internal sealed record EngineVolumeList
{
    /// <summary>Gets the volumes (the engine sends <c>null</c> for none).</summary>
    [JsonPropertyName("Volumes")]
    public IReadOnlyList<EngineVolume>? Volumes { get; init; }
}
