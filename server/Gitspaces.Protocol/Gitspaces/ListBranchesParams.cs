namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>gitspaces/list-branches</c>: the branches of one repository, as the provider sees it.</summary>
public sealed record ListBranchesParams
{
    /// <summary>Gets the provider to ask.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the repository's clone URL.</summary>
    public required string Url { get; init; }

    /// <summary>Gets the repository type; worked out from the URL when absent.</summary>
    public string? RepositoryType { get; init; }

    /// <summary>Gets text the branch names contain; every branch when absent.</summary>
    public string? Search { get; init; }
}
