namespace Gitspaces.Providers.Harness;

/// <summary>
/// Harness's <c>GitspaceCodeRepoType</c> values (<c>types/enum/gitspace_code_repo_type.go</c>), and the one a clone URL
/// implies. The open-source server has SCM providers for <c>gitness</c> and <c>unknown</c> only
/// (<c>app/gitspace/scm/scm_factory.go</c>); the hosted API knows them all.
/// </summary>
public static class HarnessRepoTypes
{
    /// <summary>GitHub.com.</summary>
    public const string GitHub = "github";

    /// <summary>GitLab.com.</summary>
    public const string GitLab = "gitlab";

    /// <summary>Bitbucket Cloud.</summary>
    public const string Bitbucket = "bitbucket";

    /// <summary>A public or otherwise unrecognised git host, cloned without credentials.</summary>
    public const string Unknown = "unknown";

    /// <summary>A repository of the open-source Harness server itself (needs <c>code_repo_ref</c>).</summary>
    public const string Gitness = "gitness";

    /// <summary>A Harness Code repository of the hosted platform (needs <c>code_repo_ref</c>).</summary>
    public const string HarnessCode = "harness_code";

    /// <summary>A self-managed GitLab, reached through the customer's infrastructure.</summary>
    public const string GitLabOnPrem = "gitlab_on_prem";

    /// <summary>A Bitbucket Server (Data Center), reached through the customer's infrastructure.</summary>
    public const string BitbucketServer = "bitbucket_server";

    /// <summary>A GitHub Enterprise Server, reached through the customer's infrastructure.</summary>
    public const string GitHubEnterprise = "github_enterprise";

    /// <summary>The host of Harness Code clone URLs on the hosted platform.</summary>
    public const string HarnessCodeHost = "git.harness.io";

    /// <summary>Gets every value, in the order of the real enum.</summary>
    public static IReadOnlyList<string> All { get; } = [GitHub, GitLab, HarnessCode, Bitbucket, Unknown, Gitness, GitLabOnPrem, BitbucketServer, GitHubEnterprise];

    /// <summary>Gets the values the open-source server can clone.</summary>
    public static IReadOnlyList<string> OpenSource { get; } = [Gitness, Unknown];

    /// <summary>Returns whether a type needs <c>code_repo_ref</c>, the repository's path inside Harness.</summary>
    /// <param name="type">The repository type.</param>
    /// <returns><see langword="true"/> for <c>gitness</c> and <c>harness_code</c>.</returns>
    public static bool IsInternal(string type) => type is Gitness or HarnessCode;

    /// <summary>
    /// Works out the repository type of a clone URL. A well-known host or Harness's own clone URL is certain; a host
    /// whose name only suggests an on-premises product (<c>github.corp.example</c>) is a guess the caller should check with
    /// <c>lookup-repo</c>, falling back to <c>unknown</c>.
    /// </summary>
    /// <param name="url">The clone URL (http or https, without credentials).</param>
    /// <param name="connection">The control plane: its flavour says which types exist, its endpoint which URLs are its own.</param>
    /// <returns>The detection.</returns>
    public static HarnessRepoDetection Detect(string url, HarnessConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return new HarnessRepoDetection(Unknown, null, Certain: false);
        }

        var host = uri.Host.ToLowerInvariant();
        if (connection.Flavour == HarnessFlavour.Oss)
        {
            // The server's own repositories clone from <base>/git/<space>/<repo>.git (cli/operations/server/config.go,
            // app/url/provider.go GenerateGITCloneURL); anything else is a generic git host.
            var own = string.Equals(uri.Authority, connection.Endpoint.Authority, StringComparison.OrdinalIgnoreCase)
                && uri.AbsolutePath.StartsWith("/git/", StringComparison.Ordinal);
            return own
                ? new HarnessRepoDetection(Gitness, RepoPath(uri.AbsolutePath["/git/".Length..]), Certain: true)
                : new HarnessRepoDetection(Unknown, null, Certain: true);
        }

        return host switch
        {
            "github.com" or "www.github.com" => new HarnessRepoDetection(GitHub, null, Certain: true),
            "gitlab.com" or "www.gitlab.com" => new HarnessRepoDetection(GitLab, null, Certain: true),
            "bitbucket.org" or "www.bitbucket.org" => new HarnessRepoDetection(Bitbucket, null, Certain: true),
            HarnessCodeHost => new HarnessRepoDetection(HarnessCode, RepoPath(uri.AbsolutePath), Certain: true),
            _ when HasLabel(host, "github") => new HarnessRepoDetection(GitHubEnterprise, null, Certain: false),
            _ when HasLabel(host, "gitlab") => new HarnessRepoDetection(GitLabOnPrem, null, Certain: false),
            _ when HasLabel(host, "bitbucket") => new HarnessRepoDetection(BitbucketServer, null, Certain: false),
            _ => new HarnessRepoDetection(Unknown, null, Certain: false),
        };
    }

    /// <summary>Returns the repository path Harness keeps for an internal repository URL (<c>/acct/org/proj/repo.git</c> → <c>acct/org/proj/repo</c>).</summary>
    /// <param name="url">The clone URL.</param>
    /// <returns>The path, or <see langword="null"/> when the URL names none.</returns>
    public static string? RefFromUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? RepoPath(uri.AbsolutePath.StartsWith("/git/", StringComparison.Ordinal) ? uri.AbsolutePath["/git/".Length..] : uri.AbsolutePath) : null;

    private static string? RepoPath(string path)
    {
        var trimmed = Uri.UnescapeDataString(path).Trim('/');
        if (trimmed.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^4];
        }

        return trimmed.Length == 0 ? null : trimmed;
    }

    private static bool HasLabel(string host, string product) =>
        host.Split('.').Any(label => label == product || label.StartsWith(product + "-", StringComparison.Ordinal));
}
