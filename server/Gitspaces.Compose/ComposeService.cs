namespace Gitspaces.Compose;

/// <summary>One service of a merged compose configuration.</summary>
public sealed record ComposeService
{
    /// <summary>Gets the service's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets <c>image:</c> (with <c>build:</c>, the tag the build gets).</summary>
    public string? Image { get; init; }

    /// <summary>Gets <c>build:</c>, when the service is built.</summary>
    public ComposeBuild? Build { get; init; }

    /// <summary>Gets <c>user:</c>.</summary>
    public string? User { get; init; }

    /// <summary>Gets <c>entrypoint:</c> as words (a string is split as a shell would), or <see langword="null"/> when unset.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Gets <c>command:</c> as words, or <see langword="null"/> when unset.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Gets <c>network_mode:</c>.</summary>
    public string? NetworkMode { get; init; }

    /// <summary>Gets the mounts (<c>volumes:</c>), short and long syntax alike.</summary>
    public IReadOnlyList<ComposeMount> Volumes { get; init; } = [];
}
