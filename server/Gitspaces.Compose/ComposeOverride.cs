namespace Gitspaces.Compose;

/// <summary>
/// The override file a tool layers over a repository's compose files (<c>-f … -f override</c>): what it adds to each
/// service, and the volumes it declares. Compose merges it entry by entry: scalars replace, labels and environment
/// merge by key, volumes merge by target path.
/// </summary>
public sealed record ComposeOverride
{
    /// <summary>Gets the <c>version:</c> to write; compose v1 wants the same as the files it is merged with.</summary>
    public string? Version { get; init; }

    /// <summary>Gets what is added to each service.</summary>
    public required IReadOnlyList<ComposeServiceOverride> Services { get; init; }

    /// <summary>Gets the volumes that exist already (declared <c>external: true</c>).</summary>
    public IReadOnlyList<string> ExternalVolumes { get; init; } = [];

    /// <summary>Gets the named volumes the project owns (declared plainly).</summary>
    public IReadOnlyList<string> Volumes { get; init; } = [];
}
