using Gitspaces.Core.Errors;
using Gitspaces.Protocol;

namespace Gitspaces.Git;

/// <summary>
/// What to clone. A class, not a record, so that no generated <c>ToString</c> ever prints the token.
/// </summary>
public sealed class CloneRequest
{
    /// <summary>Initializes a new instance of the <see cref="CloneRequest"/> class.</summary>
    /// <param name="url">The clone URL (https, ssh, git, file) or a local path.</param>
    public CloneRequest(string url) => this.Url = url;

    /// <summary>Gets the clone URL (https, ssh, git, file) or a local path; it may carry credentials.</summary>
    public string Url { get; }

    /// <summary>Gets the branch or tag to check out; the remote's default branch when null.</summary>
    public string? Branch { get; init; }

    /// <summary>Gets an access token for an https clone; never shown, logged or stored.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// Gets how many commits of history to fetch over http or https; the whole history when null, and always over
    /// other transports, where libgit2 cannot clone shallow.
    /// </summary>
    public int? Depth { get; init; }

    /// <summary>Makes the request for a repository as the protocol names it.</summary>
    /// <param name="source">The repository: its URL, else its path.</param>
    /// <param name="depth">How many commits of history to fetch; the whole history when null.</param>
    /// <returns>The request.</returns>
    /// <exception cref="GitspaceException">InvalidParams when the source has neither a URL nor a path.</exception>
    public static CloneRequest From(RepositorySource source, int? depth = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var url = source.Url ?? source.Path ?? throw GitspaceException.InvalidParams("$.repository.url", "Invalid params: repository.url is required.");
        return new CloneRequest(url) { Branch = source.Branch ?? source.Ref, Token = source.Token, Depth = depth };
    }
}
