namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>gitspaces/list-repos</c>: the repositories of a git provider the user connected to the provider.</summary>
public sealed record ListReposParams
{
    /// <summary>Gets the provider to ask.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the repository type (for Harness: <c>github</c>, <c>gitlab</c>, <c>bitbucket</c>, <c>harness_code</c>, …).</summary>
    public required string RepositoryType { get; init; }

    /// <summary>Gets text the repository names contain; every repository when absent.</summary>
    public string? Search { get; init; }
}
