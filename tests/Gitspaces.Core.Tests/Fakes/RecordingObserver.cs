using System.Collections.Concurrent;
using Gitspaces.Core.Operations;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Tests.Fakes;

/// <summary>Records what the service tells its observers.</summary>
internal sealed class RecordingObserver : IGitspaceObserver
{
    public ConcurrentQueue<Gitspace> Changes { get; } = new();

    public ConcurrentQueue<(string Id, GitspaceEvent Event)> Events { get; } = new();

    public ConcurrentQueue<(string Id, LogLine Line)> Logs { get; } = new();

    public void OnChanged(Gitspace gitspace) => this.Changes.Enqueue(gitspace);

    public void OnEvent(string gitspaceId, GitspaceEvent gitspaceEvent) => this.Events.Enqueue((gitspaceId, gitspaceEvent));

    public void OnLog(string gitspaceId, LogLine line) => this.Logs.Enqueue((gitspaceId, line));
}
