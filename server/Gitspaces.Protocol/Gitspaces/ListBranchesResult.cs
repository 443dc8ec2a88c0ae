namespace Gitspaces.Protocol;

/// <summary>Result of <c>gitspaces/list-branches</c>.</summary>
public sealed record ListBranchesResult
{
    /// <summary>Gets the branch names.</summary>
    public required IReadOnlyList<string> Branches { get; init; }
}
