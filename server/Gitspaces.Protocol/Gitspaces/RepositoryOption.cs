namespace Gitspaces.Protocol;

/// <summary>A repository to pick in a create wizard.</summary>
public sealed record RepositoryOption
{
    /// <summary>Gets the name to show.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the clone URL, for <c>repository.url</c>.</summary>
    public required string Url { get; init; }

    /// <summary>Gets the default branch, when the git provider said.</summary>
    public string? DefaultBranch { get; init; }
}
