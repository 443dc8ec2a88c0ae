namespace Gitspaces.Docker.Engine;

/// <summary>One entry of <c>GET /containers/json</c>: what the gitspace list needs, nothing more.</summary>
public sealed record EngineContainer
{
    /// <summary>Gets the container id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the names, each with a leading slash.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Gets the image the container was created from, as given.</summary>
    public string? Image { get; init; }

    /// <summary>Gets the state (<c>created</c>, <c>running</c>, <c>exited</c>, …).</summary>
    public string? State { get; init; }

    /// <summary>Gets when it was created (Unix seconds).</summary>
    public long Created { get; init; }

    /// <summary>Gets the labels.</summary>
    public Dictionary<string, string>? Labels { get; init; }
}
