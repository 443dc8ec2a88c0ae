namespace Gitspaces.Providers.Harness.Api;

/// <summary>The body of <c>lookup-repo</c>.</summary>
public sealed record HarnessLookupRepoRequest
{
    /// <summary>Gets the space (open-source server only).</summary>
    public string? SpaceRef { get; init; }

    /// <summary>Gets the repository URL (http or https).</summary>
    public required string Url { get; init; }

    /// <summary>Gets the repository type.</summary>
    public required string RepoType { get; init; }
}
