namespace Gitspaces.Protocol;

/// <summary>A development environment made from a repository.</summary>
public sealed record Gitspace
{
    /// <summary>Gets the id, unique per provider (for Docker: the name; for Harness: the identifier).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name: the id, or any text on a provider with the <c>displayNames</c> capability.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the provider that runs it (for example <c>docker</c> or <c>harness</c>).</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the repository it was made from.</summary>
    public required GitspaceRepository Repository { get; init; }

    /// <summary>Gets the configuration file used, relative to the repository root.</summary>
    public string? DevcontainerPath { get; init; }

    /// <summary>Gets the IDE it was made for (see <see cref="Ides"/>).</summary>
    public required string Ide { get; init; }

    /// <summary>Gets its state.</summary>
    public required GitspaceState State { get; init; }

    /// <summary>Gets whether setup has finished; present while <see cref="State"/> is running.</summary>
    public GitspaceReadiness? Readiness { get; init; }

    /// <summary>Gets why the last operation failed.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Gets when it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when it last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets the folder the editor opens inside it.</summary>
    public string? WorkspaceFolder { get; init; }

    /// <summary>Gets the user the editor and commands run as.</summary>
    public string? RemoteUser { get; init; }

    /// <summary>Gets the SSH host alias the sidecar wrote for it, once it has one.</summary>
    public string? SshHost { get; init; }

    /// <summary>Gets the image it runs (self-hosted) or the machine type (hosted), for display.</summary>
    public string? Image { get; init; }

    /// <summary>Gets the machine it runs on (hosted), as <c>gitspaces/update</c> and <c>gitspaces/create-options</c> name it.</summary>
    public ResourceSpec? Resource { get; init; }

    /// <summary>Gets the SSH key registered with the provider that logs in to it, when the user gave one.</summary>
    public string? SshKeyId { get; init; }

    /// <summary>Gets after how many idle seconds it stops itself (<c>0</c>: never), where the provider has the <c>autoStop</c> capability.</summary>
    public int? AutoStopSeconds { get; init; }

    /// <summary>Gets when an editor last used it, where the provider knows.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }
}
