namespace Gitspaces.Providers.Harness.Api;

/// <summary>One branch of <c>list-branches</c> (<c>TypesBranchResponse</c>).</summary>
public sealed record HarnessListedBranch
{
    /// <summary>Gets the name.</summary>
    public string? Name { get; init; }
}
