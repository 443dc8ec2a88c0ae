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
}
