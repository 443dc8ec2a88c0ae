using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker.Engine;

/// <summary>A volume as the engine describes it: its name and labels.</summary>
internal sealed record EngineVolume
{
    /// <summary>Gets the name.</summary>
    [JsonPropertyName("Name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the labels.</summary>
    [JsonPropertyName("Labels")]
    public Dictionary<string, string>? Labels { get; init; }
}
