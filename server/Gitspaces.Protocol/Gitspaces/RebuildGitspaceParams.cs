namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>gitspaces/rebuild</c>.</summary>
public sealed record RebuildGitspaceParams
{
    /// <summary>Gets the gitspace id.</summary>
    public required string Id { get; init; }

    /// <summary>
    /// Gets a value indicating whether the user trusts the repository: its configuration may reach this machine (host
    /// mounts, privileges, <c>initializeCommand</c>), remembered for the repository until revoked. Send it after the
    /// user agreed to what a <see cref="ErrorCodes.RepositoryUntrusted"/> error listed.
    /// </summary>
    public bool? TrustRepository { get; init; }

    /// <summary>Gets the token for <c>$/progress</c> notifications about this request (LSP work-done progress).</summary>
    public System.Text.Json.JsonElement? WorkDoneToken { get; init; }
}
