using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker.Engine;

/// <summary>The body of an engine error answer.</summary>
internal sealed record EngineError
{
    /// <summary>Gets the engine's message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
