using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// What the engine cannot hold for a gitspace: the operation in flight, the last error and the readiness of its
/// current container. Kept in the gitspace's state folder; the engine's labels stay the source of truth for the rest.
/// </summary>
internal sealed record GitspaceRecord
{
    /// <summary>Gets the operation running now (<c>create</c>, <c>start</c>, <c>stop</c>, <c>rebuild</c>, <c>delete</c>), or none.</summary>
    public string? Operation { get; init; }

    /// <summary>Gets why the last operation failed, or none.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Gets the container the readiness below belongs to.</summary>
    public string? ContainerId { get; init; }

    /// <summary>Gets the readiness of <see cref="ContainerId"/> since its last start by us.</summary>
    public GitspaceReadiness? Readiness { get; init; }

    /// <summary>Gets a value indicating whether onCreate, updateContent and postCreate finished in <see cref="ContainerId"/>.</summary>
    public bool CreateCommandsDone { get; init; }

    /// <summary>
    /// Gets the create-time hooks (onCreate, updateContent, postCreate) that finished in <see cref="ContainerId"/>, in
    /// order: a setup that was interrupted goes on from the first hook not in this list.
    /// </summary>
    public IReadOnlyList<string>? CreateHooksDone { get; init; }

    /// <summary>Gets the SSH host alias registered for the gitspace.</summary>
    public string? SshHost { get; init; }

    /// <summary>
    /// Gets the engine the gitspace lives on (its endpoint), so that one missing from another engine the user switched
    /// to is never taken for one removed behind our back.
    /// </summary>
    public string? Engine { get; init; }

    /// <summary>Gets the dotfiles installed in each new container (without credentials), or none.</summary>
    public DotfilesSource? Dotfiles { get; init; }

    /// <summary>Gets the idle timeout in seconds (0: never); none for a gitspace made before auto-stop.</summary>
    public int? AutoStopSeconds { get; init; }

    /// <summary>Gets the auto-stop marker last recorded as an event, so that one stop is recorded once.</summary>
    public string? AutoStopRecorded { get; init; }

    /// <summary>
    /// Gets what the git setup of the current container was made from (the container, the remote user, this machine's
    /// git identity, the helpers), so that a start of the same container skips it (docs/credentials.md).
    /// </summary>
    public string? GitSetup { get; init; }

    /// <summary>Gets what the current container's SSH files were made from (<see cref="Provisioning.ContainerSshSetup.Fingerprint"/>), so that a connect with the same skips the upload.</summary>
    public string? SshFiles { get; init; }

    /// <summary>Gets the container whose create-time upload carried the git and docker credential helpers.</summary>
    public string? GitHelpersIn { get; init; }

    /// <summary>Gets the remote user's id in the container (the owner of <c>authorized_keys</c>).</summary>
    public int? RemoteUid { get; init; }

    /// <summary>Gets the remote user's group id in the container.</summary>
    public int? RemoteGid { get; init; }

    /// <summary>Gets a value indicating whether the container's <c>authorized_keys</c> holds secrets (rewritten at each start while it does).</summary>
    public bool SecretsInstalled { get; init; }

    /// <summary>Gets a value indicating whether the container's own root entrypoint starts the auto-stop watcher (else an exec does, at each start).</summary>
    public bool WatcherAtEntrypoint { get; init; }

    /// <summary>Gets when the record last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
