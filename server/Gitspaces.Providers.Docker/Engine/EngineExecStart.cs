using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker.Engine;

/// <summary>The body of <c>POST /exec/{id}/start</c>.</summary>
internal sealed record EngineExecStart
{
    /// <summary>Gets a value indicating whether to start without attaching (never: we read the output).</summary>
    [JsonPropertyName("Detach")]
    public bool Detach { get; init; }

    /// <summary>Gets a value indicating whether a terminal is allocated.</summary>
    [JsonPropertyName("Tty")]
    public bool Tty { get; init; }
}
