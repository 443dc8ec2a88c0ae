using Gitspaces.Core.Trust;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Operations;

/// <summary>The <see cref="IOperationContext"/> the service hands a provider: it records history and fans out to observers.</summary>
internal sealed class OperationContext : IOperationContext
{
    private readonly bool recordHistory;
    private readonly ObserverSet observers;
    private readonly IProgress<OperationProgress>? progress;
    private readonly ITrustPolicy trust;
    private readonly bool consent;
    private readonly Secrets.SecretStore? secrets;
    private long unpositionedLines;

    /// <summary>Initializes a new instance of the <see cref="OperationContext"/> class.</summary>
    /// <param name="journal">The provider's journal: what is recorded on this machine.</param>
    /// <param name="recordHistory">Whether events and lines are kept on this machine (the provider keeps no history of its own).</param>
    /// <param name="observers">Who is told.</param>
    /// <param name="trust">Answers trust requests.</param>
    /// <param name="progress">Receives progress, when the caller wants it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <param name="consent">Whether the user trusted the repository with this operation.</param>
    /// <param name="secrets">The user's secrets; none when <see langword="null"/>.</param>
    public OperationContext(IGitspaceJournal journal, bool recordHistory, ObserverSet observers, ITrustPolicy trust, IProgress<OperationProgress>? progress, CancellationToken cancellationToken, bool consent = false, Secrets.SecretStore? secrets = null)
    {
        this.secrets = secrets;
        this.consent = consent;
        this.Journal = journal;
        this.recordHistory = recordHistory;
        this.observers = observers;
        this.trust = trust;
        this.progress = progress;
        this.CancellationToken = cancellationToken;
    }

    public CancellationToken CancellationToken { get; }

    public IGitspaceJournal Journal { get; }

    public void RecordEvent(string gitspaceId, string type, string message)
    {
        if (this.recordHistory)
        {
            this.Journal.RecordEvent(gitspaceId, type, message);
        }
        else
        {
            this.observers.Event(gitspaceId, new GitspaceEvent { Type = type, Message = message, Timestamp = DateTimeOffset.UtcNow });
        }

        this.progress?.Report(new OperationProgress(message));
    }

    public void WriteLog(string gitspaceId, string stream, string line)
    {
        if (this.recordHistory)
        {
            this.Journal.WriteLog(gitspaceId, stream, line);
            return;
        }

        // Not kept here: the position only orders the lines clients see during this operation.
        var logLine = new LogLine { Pos = Interlocked.Increment(ref this.unpositionedLines) - 1, Line = line, Time = DateTimeOffset.UtcNow, Stream = stream };
        this.observers.Log(gitspaceId, logLine);
    }

    public void Changed(Gitspace gitspace) => this.observers.Changed(gitspace);

    public void Progress(string message, int? percentage = null) => this.progress?.Report(new OperationProgress(message, percentage));

    public ValueTask<TrustAnswer> RequestTrustAsync(TrustRequest request) => this.trust.DecideAsync(request with { Consent = this.consent }, this.CancellationToken);

    public IReadOnlyDictionary<string, string> SecretsFor(string repository) =>
        this.secrets?.InScope(repository) ?? new Dictionary<string, string>(StringComparer.Ordinal);
}
