namespace Gitspaces.Providers.Harness.Api;

/// <summary>The answer of <c>list-repos</c> (<c>TypesListRepoResponse</c>).</summary>
public sealed record HarnessRepoListing
{
    /// <summary>Gets the repositories.</summary>
    public IReadOnlyList<HarnessListedRepo>? Repositories { get; init; }
}
