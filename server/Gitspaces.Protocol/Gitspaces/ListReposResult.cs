namespace Gitspaces.Protocol;

/// <summary>Result of <c>gitspaces/list-repos</c>.</summary>
public sealed record ListReposResult
{
    /// <summary>Gets the repositories.</summary>
    public required IReadOnlyList<RepositoryOption> Repositories { get; init; }
}
