namespace Gitspaces.Providers.Harness.Api;

/// <summary>
/// The body of a create request: the OSS <c>CreateInput</c>, which the hosted API's request mirrors. There is no
/// <c>metadata</c>: the open-source server declares it and never reads it, and the hosted UI does not send it (the
/// region is the machine type's).
/// </summary>
public sealed record HarnessCreateGitspaceRequest
{
    /// <summary>Gets the requested identifier; the server appends a random suffix.</summary>
    public required string Identifier { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the parent space: the space path on the open-source server, <c>account/org/project</c> on the hosted API (as its UI sends).</summary>
    public string? SpaceRef { get; init; }

    /// <summary>Gets the IDE.</summary>
    public required string Ide { get; init; }

    /// <summary>Gets the infra provider config (<c>default</c> on the open-source server).</summary>
    public string? InfraProviderConfigIdentifier { get; init; }

    /// <summary>Gets the machine type.</summary>
    public required string ResourceIdentifier { get; init; }

    /// <summary>Gets the space that owns the machine type.</summary>
    public string? ResourceSpaceRef { get; init; }

    /// <summary>Gets the repository clone URL.</summary>
    public required string CodeRepoUrl { get; init; }

    /// <summary>Gets the repository type.</summary>
    public required string CodeRepoType { get; init; }

    /// <summary>Gets the internal repository path, for Harness Code repositories.</summary>
    public string? CodeRepoRef { get; init; }

    /// <summary>Gets the branch.</summary>
    public string? Branch { get; init; }

    /// <summary>Gets the devcontainer.json path.</summary>
    public string? DevcontainerPath { get; init; }

    /// <summary>Gets the SSH key reference.</summary>
    public string? SshTokenIdentifier { get; init; }
}
