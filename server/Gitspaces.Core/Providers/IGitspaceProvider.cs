using Gitspaces.Core.Operations;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Providers;

/// <summary>
/// Where gitspaces run: a Docker engine the user owns, or a control plane. The orchestration service drives every
/// provider through this interface alone and never knows which one it talks to.
/// </summary>
public interface IGitspaceProvider
{
    /// <summary>Gets the provider id used on the wire (<c>docker</c>, <c>harness</c>).</summary>
    string Id { get; }

    /// <summary>Gets a value indicating whether the provider keeps its own event and log history (a control plane does); otherwise the service keeps it in the state directory.</summary>
    bool OwnsHistory { get; }

    /// <summary>Describes the provider; with <paramref name="check"/>, asks it whether it answers.</summary>
    /// <param name="check">Whether to contact the provider.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The provider's status.</returns>
    Task<ProviderInfo> DescribeAsync(bool check, CancellationToken cancellationToken);

    /// <summary>Applies a configuration (<c>providers/configure</c>).</summary>
    /// <param name="configuration">The new settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The provider's status afterwards.</returns>
    Task<ProviderInfo> ConfigureAsync(ConfigureProviderParams configuration, CancellationToken cancellationToken);

    /// <summary>Lists the provider's gitspaces.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspaces.</returns>
    Task<IReadOnlyList<Gitspace>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Finds one gitspace.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspace, or <see langword="null"/> when the provider has none with that id.</returns>
    Task<Gitspace?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates a gitspace and starts it.</summary>
    /// <param name="request">What to create; the service has validated and completed it.</param>
    /// <param name="context">Reports events, log lines and changes; carries cancellation.</param>
    /// <returns>The gitspace once running (or in error, when the failure left it known).</returns>
    Task<Gitspace> CreateAsync(CreateRequest request, IOperationContext context);

    /// <summary>Starts a stopped gitspace.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="context">Reports events, log lines and changes; carries cancellation.</param>
    /// <returns>The gitspace once running.</returns>
    Task<Gitspace> StartAsync(string id, IOperationContext context);

    /// <summary>Stops a gitspace, keeping its files.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="context">Reports events, log lines and changes; carries cancellation.</param>
    /// <returns>The gitspace once stopped.</returns>
    Task<Gitspace> StopAsync(string id, IOperationContext context);

    /// <summary>Re-creates the gitspace's container (or resets it), keeping the workspace files.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="context">Reports events, log lines and changes; carries cancellation.</param>
    /// <returns>The gitspace once running again.</returns>
    Task<Gitspace> RebuildAsync(string id, IOperationContext context);

    /// <summary>Deletes the gitspace and everything it owns.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="context">Reports events, log lines and changes; carries cancellation.</param>
    /// <returns>A task that completes once it is gone.</returns>
    Task DeleteAsync(string id, IOperationContext context);

    /// <summary>Prepares the gitspace for an editor (starting it first if needed) and returns how to connect.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="ide">The IDE to make links for.</param>
    /// <param name="context">Reports events, log lines and changes; carries cancellation.</param>
    /// <returns>The connection details.</returns>
    Task<ConnectResult> ConnectAsync(string id, string ide, IOperationContext context);

    /// <summary>Returns the provider's own event history; only called when <see cref="OwnsHistory"/> is true.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The events, oldest first.</returns>
    Task<IReadOnlyList<GitspaceEvent>> GetEventsAsync(string id, CancellationToken cancellationToken);

    /// <summary>Returns a page of the provider's own log; only called when <see cref="OwnsHistory"/> is true.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="from">The first position.</param>
    /// <param name="limit">The most lines.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The lines and the next position.</returns>
    Task<GitspaceLogsResult> GetLogsAsync(string id, long from, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Watches for changes made behind the sidecar's back (a container stopped with the docker CLI, another
    /// client's action) and reports each through <paramref name="onChange"/> until cancelled.
    /// </summary>
    /// <param name="onChange">Called with each changed gitspace.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>A task that completes when watching stops.</returns>
    Task WatchAsync(Action<Gitspace> onChange, CancellationToken cancellationToken);
}
