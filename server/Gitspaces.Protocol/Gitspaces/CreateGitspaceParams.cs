namespace Gitspaces.Protocol;

/// <summary>Parameters of <c>gitspaces/create</c>.</summary>
public sealed record CreateGitspaceParams
{
    /// <summary>
    /// Gets the name; derived from the repository when absent. Lower-case letters, digits and dashes (at most 50) name
    /// any gitspace; a provider with the <c>displayNames</c> capability also takes any other text as a display name and
    /// derives the id from it.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>Gets the repository: <c>{url, branch?, token?}</c>; a local path is accepted as the url.</summary>
    public required RepositorySource Repository { get; init; }

    /// <summary>Gets the configuration file, relative to the repository root; discovered when absent.</summary>
    public string? DevcontainerPath { get; init; }

    /// <summary>Gets the provider; the configured default (<c>docker</c>) when absent.</summary>
    public string? Provider { get; init; }

    /// <summary>Gets the IDE (see <see cref="Ides"/>); <c>vs_code</c> when absent.</summary>
    public string? Ide { get; init; }

    /// <summary>Gets the machine to run on, for hosted providers.</summary>
    public ResourceSpec? Resource { get; init; }

    /// <summary>
    /// Gets a value indicating whether the user trusts the repository: its configuration may reach this machine (host
    /// mounts, privileges, <c>initializeCommand</c>), remembered for the repository until revoked. Send it after the
    /// user agreed to what a <see cref="ErrorCodes.RepositoryUntrusted"/> error listed.
    /// </summary>
    public bool? TrustRepository { get; init; }

    /// <summary>Gets the SSH key the user registered with the provider, to log in with instead of provider-made credentials (providers with the <c>sshKeys</c> capability).</summary>
    public string? SshKeyId { get; init; }

    /// <summary>
    /// Gets the dotfiles to install after the create-time lifecycle commands (providers with the <c>dotfiles</c>
    /// capability); the user's <c>dotfiles.*</c> settings when absent, none when its repository is empty.
    /// </summary>
    public DotfilesSource? Dotfiles { get; init; }

    /// <summary>
    /// Gets after how many idle seconds the gitspace stops itself (providers with the <c>autoStop</c> capability);
    /// <c>0</c> never. The user's <c>autoStop</c> setting, else 3600, when absent.
    /// </summary>
    public int? AutoStopSeconds { get; init; }

    /// <summary>Gets the token for <c>$/progress</c> notifications about this request (LSP work-done progress).</summary>
    public System.Text.Json.JsonElement? WorkDoneToken { get; init; }
}
