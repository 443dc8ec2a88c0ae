namespace Gitspaces.Providers.Harness.Api;

/// <summary>The body of <c>lookup-repo</c>.</summary>
public sealed record HarnessLookupRepoRequest
{
    /// <summary>Gets the space: the space path on the open-source server, <c>account/org/project</c> on the hosted API.</summary>
    public string? SpaceRef { get; init; }

    /// <summary>Gets the repository URL (http or https).</summary>
    public required string Url { get; init; }

    /// <summary>Gets the repository type.</summary>
    public required string RepoType { get; init; }
}
