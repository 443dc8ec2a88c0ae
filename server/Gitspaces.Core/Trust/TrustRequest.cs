namespace Gitspaces.Core.Trust;

/// <summary>What a provider asks before a repository's configuration may reach this machine.</summary>
public sealed record TrustRequest
{
    /// <summary>Gets the gitspace.</summary>
    public required string GitspaceId { get; init; }

    /// <summary>Gets the repository as it may be shown: a URL without credentials, or a local folder.</summary>
    public required string Repository { get; init; }

    /// <summary>Gets a value indicating whether the repository is a folder on this machine the user pointed at.</summary>
    public required bool IsLocalFolder { get; init; }

    /// <summary>Gets what the configuration asks for.</summary>
    public required IReadOnlyList<HostAccess> Accesses { get; init; }

    /// <summary>
    /// Gets a value indicating whether the user trusted the repository with this operation (<c>--trust</c>, an
    /// editor's consent dialog, <c>trustRepository</c> on the wire). The service sets it; a provider leaves it alone.
    /// </summary>
    public bool Consent { get; init; }
}
