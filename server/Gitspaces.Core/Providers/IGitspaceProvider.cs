using Gitspaces.Core.Operations;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Providers;

/// <summary>
/// Where gitspaces run: a Docker engine the user owns, or a control plane. The orchestration service drives every
/// provider through this interface alone and never knows which one it talks to. What only some providers can do is
/// an optional interface beside this one (<see cref="IProviderHistory"/>, <see cref="IBackgroundWork"/>,
/// <see cref="Ssh.ISshChannelProvider"/>, <see cref="Ports.IPortChannelProvider"/>), advertised to clients as
/// <see cref="ProviderInfo.Capabilities"/> (see <see cref="ProviderCapabilities"/>).
/// </summary>
public interface IGitspaceProvider
{
    /// <summary>Gets the provider id used on the wire (<c>docker</c>, <c>harness</c>).</summary>
    string Id { get; }

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

    /// <summary>
    /// Watches for changes made behind the sidecar's back (a container stopped with the docker CLI, another
    /// client's action) and reports each gitspace that changed (and, when it matters, an event saying why) through
    /// <paramref name="journal"/> until cancelled.
    /// </summary>
    /// <param name="journal">Records what happened and tells every client.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>A task that completes when watching stops.</returns>
    Task WatchAsync(IGitspaceJournal journal, CancellationToken cancellationToken);
}
