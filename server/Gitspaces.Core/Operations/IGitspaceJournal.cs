namespace Gitspaces.Core.Operations;

/// <summary>
/// The history the service keeps on this machine, for work that happens outside any one operation: an engine watcher
/// that sees a container stopped behind the sidecar's back, lifecycle commands that go on after <c>waitFor</c>, a log
/// the provider's own history would lose. It records what it is given and tells every client, like an operation does,
/// but reports no progress and holds no lock: it stays valid after the operation that handed it out has returned.
/// </summary>
public interface IGitspaceJournal : IGitspaceReporter
{
    /// <summary>Records an event that happened at a known time (an engine event's own timestamp).</summary>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <param name="type">The event type.</param>
    /// <param name="message">The message for a person.</param>
    /// <param name="timestamp">When it happened.</param>
    void RecordEvent(string gitspaceId, string type, string message, DateTimeOffset timestamp);

    /// <summary>Appends a line written at a known time (a streamed log line's own timestamp).</summary>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <param name="stream"><c>stdout</c>, <c>stderr</c> or <c>system</c>.</param>
    /// <param name="line">The text, without the line break.</param>
    /// <param name="time">When it was written.</param>
    void WriteLog(string gitspaceId, string stream, string line, DateTimeOffset time);
}
