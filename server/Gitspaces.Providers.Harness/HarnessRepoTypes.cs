namespace Gitspaces.Providers.Harness;

/// <summary>Harness's <c>GitspaceCodeRepoType</c> values, and the one a clone URL implies.</summary>
public static class HarnessRepoTypes
{
    /// <summary>A public or otherwise unrecognised git host.</summary>
    public const string Unknown = "unknown";

    /// <summary>Returns the repository type for a clone URL, from its host.</summary>
    /// <param name="url">The clone URL.</param>
    /// <returns><c>github</c>, <c>gitlab</c>, <c>bitbucket</c> or <c>unknown</c>.</returns>
    public static string FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return Unknown;
        }

        return uri.Host.ToLowerInvariant() switch
        {
            "github.com" or "www.github.com" => "github",
            "gitlab.com" or "www.gitlab.com" => "gitlab",
            "bitbucket.org" or "www.bitbucket.org" => "bitbucket",
            _ => Unknown,
        };
    }
}
