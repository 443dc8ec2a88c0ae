namespace Gitspaces.Providers.Harness.Api;

/// <summary>The answer of <c>list-branches</c> (<c>TypesListBranchesResponse</c>).</summary>
public sealed record HarnessBranchListing
{
    /// <summary>Gets the branches.</summary>
    public IReadOnlyList<HarnessListedBranch>? Branches { get; init; }
}
