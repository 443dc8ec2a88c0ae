using Gitspaces.Core.State;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Operations;

/// <summary>The <see cref="IOperationContext"/> the service hands a provider: it records history and fans out to observers.</summary>
internal sealed class OperationContext : IOperationContext
{
    private readonly string provider;
    private readonly bool recordHistory;
    private readonly HistoryStore history;
    private readonly ObserverSet observers;
    private readonly IProgress<OperationProgress>? progress;
    private long unpositionedLines;

    public OperationContext(string provider, bool recordHistory, HistoryStore history, ObserverSet observers, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
    {
        this.provider = provider;
        this.recordHistory = recordHistory;
        this.history = history;
        this.observers = observers;
        this.progress = progress;
        this.CancellationToken = cancellationToken;
    }

    public CancellationToken CancellationToken { get; }

    public void RecordEvent(string gitspaceId, string type, string message)
    {
        var gitspaceEvent = new GitspaceEvent { Type = type, Message = message, Timestamp = DateTimeOffset.UtcNow };
        if (this.recordHistory)
        {
            this.history.AppendEvent(this.provider, gitspaceId, gitspaceEvent);
        }

        this.observers.Event(gitspaceId, gitspaceEvent);
        this.progress?.Report(new OperationProgress(message));
    }

    public void WriteLog(string gitspaceId, string stream, string line, long? position = null)
    {
        var time = DateTimeOffset.UtcNow;
        var logLine = this.recordHistory
            ? this.history.AppendLog(this.provider, gitspaceId, stream, line, time)
            : new LogLine { Pos = position ?? Interlocked.Increment(ref this.unpositionedLines) - 1, Line = line, Time = time, Stream = stream };
        this.observers.Log(gitspaceId, logLine);
    }

    public void Changed(Gitspace gitspace) => this.observers.Changed(gitspace);

    public void Progress(string message, int? percentage = null) => this.progress?.Report(new OperationProgress(message, percentage));
}
