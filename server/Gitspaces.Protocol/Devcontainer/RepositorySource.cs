namespace Gitspaces.Protocol;

/// <summary>Where a repository comes from: a clone URL (https, ssh, git, file) or a local folder.</summary>
public sealed record RepositorySource
{
    /// <summary>Gets the clone URL, or a local path for <c>gitspaces/create</c>.</summary>
    public string? Url { get; init; }

    /// <summary>Gets a local folder that holds the repository (for <c>devcontainer/read</c>).</summary>
    public string? Path { get; init; }

    /// <summary>Gets the branch to check out; the remote's default branch when absent.</summary>
    public string? Branch { get; init; }

    /// <summary>Gets any git ref (branch or tag) to check out; <see cref="Branch"/> wins when both are given.</summary>
    public string? Ref { get; init; }

    /// <summary>Gets an access token for an https clone. Never logged, never stored in labels or events.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// Gets the kind of git host, for a hosted provider that clones with its own credentials (Harness:
    /// <c>github</c>, <c>gitlab</c>, <c>bitbucket</c>, <c>harness_code</c>, <c>gitness</c>, <c>github_enterprise</c>,
    /// <c>gitlab_on_prem</c>, <c>bitbucket_server</c>, <c>unknown</c>). Worked out from the URL when absent; give it when
    /// the URL cannot tell (an on-premises host with a name of its own).
    /// </summary>
    public string? Type { get; init; }
}
