namespace Gitspaces.Docker.Engine;

/// <summary>A container's configuration in an inspect answer.</summary>
public sealed record EngineContainerConfig
{
    /// <summary>Gets the labels.</summary>
    public Dictionary<string, string>? Labels { get; init; }

    /// <summary>Gets the environment (<c>K=V</c>).</summary>
    public IReadOnlyList<string>? Env { get; init; }

    /// <summary>Gets the image as given at create.</summary>
    public string? Image { get; init; }
}
