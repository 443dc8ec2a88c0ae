using Gitspaces.Protocol;

namespace Gitspaces.Core.Operations;

/// <summary>
/// What a provider reports to while it works on one gitspace: events, log lines, state changes and progress.
/// The service records them in the gitspace's history and forwards them to every client.
/// </summary>
public interface IOperationContext
{
    /// <summary>Gets the token that cancels the operation.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Records an event (see <see cref="EventTypes"/>) and shows its message as progress.</summary>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <param name="type">The event type.</param>
    /// <param name="message">The message for a person.</param>
    void RecordEvent(string gitspaceId, string type, string message);

    /// <summary>Appends a line to the gitspace's log.</summary>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <param name="stream"><c>stdout</c>, <c>stderr</c> or <c>system</c>.</param>
    /// <param name="line">The text, without the line break.</param>
    /// <param name="position">The line's position in the provider's own log, for providers that keep their history.</param>
    void WriteLog(string gitspaceId, string stream, string line, long? position = null);

    /// <summary>Reports that the gitspace changed (state, readiness, error).</summary>
    /// <param name="gitspace">The gitspace as it is now.</param>
    void Changed(Gitspace gitspace);

    /// <summary>Reports progress without recording an event (for example a download's percentage).</summary>
    /// <param name="message">The current step.</param>
    /// <param name="percentage">How far along, 0–100, when known.</param>
    void Progress(string message, int? percentage = null);
}
