using Gitspaces.Protocol;

namespace Gitspaces.Core.Providers;

/// <summary>
/// A provider that keeps events and logs of its own (a control plane does). Without it, the service keeps each
/// gitspace's history on this machine; with it, the service asks the provider and records nothing of an operation.
/// </summary>
public interface IProviderHistory
{
    /// <summary>Returns the provider's own event history.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The events, oldest first.</returns>
    Task<IReadOnlyList<GitspaceEvent>> GetEventsAsync(string id, CancellationToken cancellationToken);

    /// <summary>Returns a page of the provider's own log.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="from">The first position.</param>
    /// <param name="limit">The most lines.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The lines and the next position; <see langword="null"/> when the provider keeps no log for this gitspace and
    /// the lines it wrote to <see cref="Operations.IOperationContext.Journal"/> are the log.
    /// </returns>
    Task<GitspaceLogsResult?> GetLogsAsync(string id, long from, int limit, CancellationToken cancellationToken);
}
