namespace Gitspaces.Docker.Engine;

/// <summary>What the provider needs of an image inspect: its id and the parts of its config a container inherits.</summary>
public sealed record EngineImage
{
    /// <summary>Gets the image id (<c>sha256:…</c>), the hash of its content.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the user the image runs as (empty for root).</summary>
    public string? User { get; init; }

    /// <summary>Gets the image's entrypoint.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Gets the image's command.</summary>
    public IReadOnlyList<string>? Cmd { get; init; }

    /// <summary>Gets the image's labels (the devcontainer metadata among them).</summary>
    public Dictionary<string, string>? Labels { get; init; }

    /// <summary>Gets the image's CPU architecture as the engine names it (<c>amd64</c>, <c>arm64</c>).</summary>
    public string? Architecture { get; init; }
}
