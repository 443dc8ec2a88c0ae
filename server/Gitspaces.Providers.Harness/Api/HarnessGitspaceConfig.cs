namespace Gitspaces.Providers.Harness.Api;

/// <summary>A Harness <c>GitspaceConfig</c> as find, list, create and action return it (snake_case on the wire).</summary>
public sealed record HarnessGitspaceConfig
{
    /// <summary>Gets the identifier; the server builds it from the requested one plus a random suffix.</summary>
    public required string Identifier { get; init; }

    /// <summary>Gets the display name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the IDE (<c>vs_code</c>, <c>intellij</c>, …).</summary>
    public string? Ide { get; init; }

    /// <summary>Gets the config state, derived by the server from the latest instance.</summary>
    public string? State { get; init; }

    /// <summary>Gets the latest instance, or <see langword="null"/> before the first start.</summary>
    public HarnessGitspaceInstance? Instance { get; init; }

    /// <summary>Gets the owning space path (<c>acct/org/project</c> or <c>myspace</c>).</summary>
    public string? SpacePath { get; init; }

    /// <summary>Gets the creation time in unix milliseconds.</summary>
    public long Created { get; init; }

    /// <summary>Gets the last update time in unix milliseconds.</summary>
    public long Updated { get; init; }

    /// <summary>Gets the SSH key reference; empty means password access.</summary>
    public string? SshTokenIdentifier { get; init; }

    /// <summary>Gets the machine type.</summary>
    public HarnessInfraResource? Resource { get; init; }

    /// <summary>Gets the repository clone URL.</summary>
    public string? CodeRepoUrl { get; init; }

    /// <summary>Gets the internal repository path (Harness Code repositories).</summary>
    public string? CodeRepoRef { get; init; }

    /// <summary>Gets the repository type (<c>github</c>, <c>gitlab</c>, <c>unknown</c>, …).</summary>
    public string? CodeRepoType { get; init; }

    /// <summary>Gets the branch.</summary>
    public string? Branch { get; init; }

    /// <summary>Gets the devcontainer.json path.</summary>
    public string? DevcontainerPath { get; init; }

    /// <summary>Gets a value indicating whether the repository is private.</summary>
    public bool? CodeRepoIsPrivate { get; init; }

    /// <summary>Gets the owner's principal id.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets a value indicating whether the next start rebuilds the container.</summary>
    public bool? IsMarkedForReset { get; init; }
}
