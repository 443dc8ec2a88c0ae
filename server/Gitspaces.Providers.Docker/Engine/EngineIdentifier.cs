using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker.Engine;

/// <summary>The answer of a create call: the new object's id.</summary>
internal sealed record EngineIdentifier
{
    /// <summary>Gets the id.</summary>
    [JsonPropertyName("Id")]
    public string Id { get; init; } = string.Empty;
}
