namespace Gitspaces.Providers.Harness.Api;

/// <summary>One repository of <c>list-repos</c> (<c>TypesRepoResponse</c>).</summary>
public sealed record HarnessListedRepo
{
    /// <summary>Gets the name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the clone URL.</summary>
    public string? CloneUrl { get; init; }

    /// <summary>Gets the default branch.</summary>
    public string? DefaultBranch { get; init; }
}
