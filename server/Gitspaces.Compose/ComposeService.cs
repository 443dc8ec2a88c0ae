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

    /// <summary>Gets whether <c>privileged: true</c>.</summary>
    public bool Privileged { get; init; }

    /// <summary>Gets the namespace modes that can name the host or another container: <c>pid</c>, <c>ipc</c>, <c>uts</c>, <c>userns_mode</c>, <c>cgroup</c> (property name to value, set ones only).</summary>
    public IReadOnlyDictionary<string, string> NamespaceModes { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets <c>cap_add:</c>.</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary>Gets <c>security_opt:</c>.</summary>
    public IReadOnlyList<string> SecurityOpt { get; init; } = [];

    /// <summary>Gets <c>devices:</c>, each as the host path it maps (short syntax's first part, or the long syntax's <c>source</c>).</summary>
    public IReadOnlyList<string> Devices { get; init; } = [];

    /// <summary>Gets <c>volumes_from:</c> as printed (<c>service:name[:mode]</c> or <c>container:name[:mode]</c>; v2 prints a bare name for a service).</summary>
    public IReadOnlyList<string> VolumesFrom { get; init; } = [];
}
