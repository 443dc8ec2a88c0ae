using Gitspaces.Protocol;

namespace Gitspaces.Core.Providers;

/// <summary>
/// A provider that filters and orders its list on its side (a control plane answers a filtered list with less work
/// and less traffic). The service still applies the query to what comes back, so a provider may filter coarser than
/// asked (Harness's <c>stopped</c> filter also keeps uninitialized gitspaces), never finer.
/// </summary>
public interface IGitspaceQuery
{
    /// <summary>Lists the gitspaces that may match the query.</summary>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspaces, a superset of those that match.</returns>
    Task<IReadOnlyList<Gitspace>> ListAsync(GitspaceQuery query, CancellationToken cancellationToken);
}
