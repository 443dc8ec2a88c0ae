using System.Text.Json.Serialization;

namespace Gitspaces.Providers.Docker.Engine;

/// <summary>What the provider reads of <c>GET /exec/{id}/json</c>.</summary>
internal sealed record EngineExecDetails
{
    /// <summary>Gets a value indicating whether the process still runs.</summary>
    [JsonPropertyName("Running")]
    public bool Running { get; init; }

    /// <summary>Gets the exit code once it has ended.</summary>
    [JsonPropertyName("ExitCode")]
    public long? ExitCode { get; init; }
}
