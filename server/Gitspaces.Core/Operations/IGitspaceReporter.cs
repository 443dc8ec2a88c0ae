using Gitspaces.Protocol;

namespace Gitspaces.Core.Operations;

/// <summary>What a provider reports about its gitspaces, inside an operation or outside one: events, log lines and changes.</summary>
public interface IGitspaceReporter
{
    /// <summary>Records an event (see <see cref="EventTypes"/>).</summary>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <param name="type">The event type.</param>
    /// <param name="message">The message for a person.</param>
    void RecordEvent(string gitspaceId, string type, string message);

    /// <summary>Appends a line to the gitspace's log.</summary>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <param name="stream"><c>stdout</c>, <c>stderr</c> or <c>system</c>.</param>
    /// <param name="line">The text, without the line break.</param>
    void WriteLog(string gitspaceId, string stream, string line);

    /// <summary>Reports that the gitspace changed (state, readiness, error).</summary>
    /// <param name="gitspace">The gitspace as it is now.</param>
    void Changed(Gitspace gitspace);
}
