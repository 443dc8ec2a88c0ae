namespace Gitspaces.Core.Ssh;

/// <summary>What the user's SSH configuration needs to reach a gitspace through the sidecar's proxy.</summary>
public sealed record SshHostRegistration
{
    /// <summary>Gets the provider id.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the gitspace id.</summary>
    public required string GitspaceId { get; init; }

    /// <summary>Gets the user to log in as (the gitspace's remote user).</summary>
    public required string User { get; init; }

    /// <summary>Gets the gitspace's keys.</summary>
    public required SshIdentity Identity { get; init; }

    /// <summary>
    /// Gets whether the entry forwards the user's SSH agent (<c>ForwardAgent yes</c>), so <c>git@</c> remotes work inside
    /// the gitspace; a provider sets it from its setting (on for the user's own Docker engine).
    /// </summary>
    public bool ForwardAgent { get; init; }
}
