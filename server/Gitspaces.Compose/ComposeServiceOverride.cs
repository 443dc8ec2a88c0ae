namespace Gitspaces.Compose;

/// <summary>What an override file adds to one service; unset properties are left out.</summary>
public sealed record ComposeServiceOverride
{
    /// <summary>Gets the service's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets <c>image:</c>.</summary>
    public string? Image { get; init; }

    /// <summary>Gets <c>container_name:</c>.</summary>
    public string? ContainerName { get; init; }

    /// <summary>Gets <c>entrypoint:</c>, as a list (no shell splits it).</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Gets <c>command:</c>, as a list.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Gets whether to write <c>init: true</c>.</summary>
    public bool Init { get; init; }

    /// <summary>Gets <c>user:</c>.</summary>
    public string? User { get; init; }

    /// <summary>Gets <c>environment:</c> entries.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets whether to write <c>privileged: true</c>.</summary>
    public bool Privileged { get; init; }

    /// <summary>Gets <c>cap_add:</c>.</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary>Gets <c>security_opt:</c>.</summary>
    public IReadOnlyList<string> SecurityOpt { get; init; } = [];

    /// <summary>Gets <c>labels:</c>.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets <c>volumes:</c> in short syntax (<c>source:target[:ro]</c>); each replaces the entry with the same target.</summary>
    public IReadOnlyList<string> Volumes { get; init; } = [];
}
