using System.Globalization;

namespace Gitspaces.Docker.Engine;

/// <summary>What the provider reads of <c>GET /containers/{name}/json</c>.</summary>
public sealed record EngineContainerDetails
{
    /// <summary>Gets the container id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the name, with a leading slash.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets when it was created (RFC 3339).</summary>
    public string? Created { get; init; }

    /// <summary>Gets the state.</summary>
    public EngineContainerState State { get; init; } = new();

    /// <summary>Gets the configuration.</summary>
    public EngineContainerConfig Config { get; init; } = new();

    /// <summary>Gets the mounts.</summary>
    public IReadOnlyList<EngineMountPoint>? Mounts { get; init; }

    /// <summary>Returns the container as the list would show it, in a given state.</summary>
    /// <param name="state">The state to show (the engine's <c>State.Status</c> values).</param>
    /// <returns>The summary.</returns>
    public EngineContainer AsSummary(string? state) => new()
    {
        Id = this.Id,
        Names = [this.Name],
        Image = this.Config.Image,
        State = state,
        Created = DateTimeOffset.TryParse(this.Created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created.ToUnixTimeSeconds() : 0,
        Labels = this.Config.Labels,
    };
}
