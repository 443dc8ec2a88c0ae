using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker.Engine;

/// <summary>A container's configuration in an inspect answer.</summary>
internal sealed record EngineContainerConfig
{
    /// <summary>Gets the labels.</summary>
    [JsonPropertyName("Labels")]
    public Dictionary<string, string>? Labels { get; init; }

    /// <summary>Gets the environment (<c>K=V</c>).</summary>
    [JsonPropertyName("Env")]
    public IReadOnlyList<string>? Env { get; init; }

    /// <summary>Gets the image as given at create.</summary>
    [JsonPropertyName("Image")]
    public string? Image { get; init; }
}
