namespace Gitspaces.Docker.Engine;

/// <summary>A volume as the engine describes it: its name and labels.</summary>
public sealed record EngineVolume
{
    /// <summary>Gets the name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the labels.</summary>
    public Dictionary<string, string>? Labels { get; init; }
}
