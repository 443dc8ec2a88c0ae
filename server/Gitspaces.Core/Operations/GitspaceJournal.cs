using Gitspaces.Core.State;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Operations;

/// <summary>The service's <see cref="IGitspaceJournal"/> for one provider: the history store plus the observers.</summary>
internal sealed class GitspaceJournal : IGitspaceJournal
{
    private readonly string provider;
    private readonly HistoryStore history;
    private readonly ObserverSet observers;
    private readonly Action<Gitspace>? onChanged;

    /// <summary>Initializes a new instance of the <see cref="GitspaceJournal"/> class.</summary>
    /// <param name="provider">The provider whose gitspaces it records.</param>
    /// <param name="history">Where history is kept.</param>
    /// <param name="observers">Who is told.</param>
    /// <param name="onChanged">Called before observers hear of a change (the service learns which provider owns the gitspace).</param>
    public GitspaceJournal(string provider, HistoryStore history, ObserverSet observers, Action<Gitspace>? onChanged = null)
    {
        this.provider = provider;
        this.history = history;
        this.observers = observers;
        this.onChanged = onChanged;
    }

    public void RecordEvent(string gitspaceId, string type, string message) => this.RecordEvent(gitspaceId, type, message, DateTimeOffset.UtcNow);

    public void RecordEvent(string gitspaceId, string type, string message, DateTimeOffset timestamp)
    {
        var gitspaceEvent = new GitspaceEvent { Type = type, Message = message, Timestamp = timestamp };
        this.history.AppendEvent(this.provider, gitspaceId, gitspaceEvent);
        this.observers.Event(gitspaceId, gitspaceEvent);
    }

    public void WriteLog(string gitspaceId, string stream, string line) => this.WriteLog(gitspaceId, stream, line, DateTimeOffset.UtcNow);

    public void WriteLog(string gitspaceId, string stream, string line, DateTimeOffset time) =>
        this.observers.Log(gitspaceId, this.history.AppendLog(this.provider, gitspaceId, stream, line, time));

    public void Changed(Gitspace gitspace)
    {
        this.onChanged?.Invoke(gitspace);
        this.observers.Changed(gitspace);
    }
}
