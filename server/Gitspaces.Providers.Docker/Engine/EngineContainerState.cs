using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker.Engine;

/// <summary>A container's state in an inspect answer.</summary>
internal sealed record EngineContainerState
{
    /// <summary>Gets the status (<c>created</c>, <c>running</c>, <c>exited</c>, …).</summary>
    [JsonPropertyName("Status")]
    public string? Status { get; init; }

    /// <summary>Gets a value indicating whether it runs.</summary>
    [JsonPropertyName("Running")]
    public bool Running { get; init; }
}
