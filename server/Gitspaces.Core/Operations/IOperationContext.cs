using Gitspaces.Core.Trust;

namespace Gitspaces.Core.Operations;

/// <summary>
/// What a provider reports to while it works on one gitspace: events, log lines, state changes and progress.
/// The service records them in the gitspace's history (unless the provider keeps its own, <see cref="Providers.IProviderHistory"/>),
/// forwards them to every client, and shows each event's message as progress. A context belongs to one
/// operation: once the provider's method has returned, its progress goes nowhere and the gitspace's lock is released,
/// so work that goes on afterwards reports through <see cref="Journal"/> instead.
/// </summary>
public interface IOperationContext : IGitspaceReporter
{
    /// <summary>Gets the token that cancels the operation.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>
    /// Gets the journal for what outlives this operation (lifecycle commands after <c>waitFor</c>) or what the
    /// provider's own history would not keep: it records on this machine and tells every client.
    /// </summary>
    IGitspaceJournal Journal { get; }

    /// <summary>Reports progress without recording an event (for example a download's percentage).</summary>
    /// <param name="message">The current step.</param>
    /// <param name="percentage">How far along, 0–100, when known.</param>
    void Progress(string message, int? percentage = null);

    /// <summary>
    /// Asks whether the repository may reach this machine the ways the request lists. A provider asks after it has
    /// read the configuration and before anything touches the host, and applies only what is granted; the service
    /// owns the answer (its <see cref="ITrustPolicy"/>).
    /// </summary>
    /// <param name="request">What the repository's configuration asks for.</param>
    /// <returns>What is granted and what is refused.</returns>
    ValueTask<TrustAnswer> RequestTrustAsync(TrustRequest request);

    /// <summary>
    /// Returns the user's secrets that reach a repository's gitspaces, as environment variables by name. A provider with
    /// <see cref="Providers.IUserSecrets"/> reads them at each create, start and rebuild and keeps them out of anything it
    /// records (history, labels, state files).
    /// </summary>
    /// <param name="repository">The repository URL or path the gitspace was made from.</param>
    /// <returns>The values by name.</returns>
    IReadOnlyDictionary<string, string> SecretsFor(string repository);
}
