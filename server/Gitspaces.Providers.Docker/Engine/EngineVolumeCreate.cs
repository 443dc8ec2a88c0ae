using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker.Engine;

/// <summary>The body of <c>POST /volumes/create</c>.</summary>
internal sealed record EngineVolumeCreate
{
    /// <summary>Gets the name.</summary>
    [JsonPropertyName("Name")]
    public required string Name { get; init; }

    /// <summary>Gets the labels.</summary>
    [JsonPropertyName("Labels")]
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
}
