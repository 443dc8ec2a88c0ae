using System.Collections.Concurrent;
using System.Text.Json;
using Gitspaces.Core.Operations;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Harness.Tests;

/// <summary>Records what the service tells observers (what the RPC host turns into notifications).</summary>
internal sealed class RecordingObserver : IGitspaceObserver
{
    private Action? onFirstEventField;

    public ConcurrentQueue<Gitspace> Changes { get; } = new();

    public ConcurrentQueue<(string Id, GitspaceEvent Event)> Events { get; } = new();

    public ConcurrentQueue<(string Id, LogLine Line)> Logs { get; } = new();

    public IReadOnlyList<GitspaceState> States => [.. this.Changes.Select(c => c.State)];

    public IReadOnlyList<string> EventTypes => [.. this.Events.Select(e => e.Event.Type)];

    public IReadOnlyList<string> LogLines => [.. this.Logs.Select(l => l.Line.Line)];

    public void OnChanged(Gitspace gitspace) => this.Changes.Enqueue(gitspace);

    /// <summary>Gets or sets an action to run once, on the first event (a test's way to act mid-operation).</summary>
    public Action? OnFirstEvent
    {
        get => this.onFirstEventField;
        set => this.onFirstEventField = value;
    }

    public void OnEvent(string gitspaceId, GitspaceEvent gitspaceEvent)
    {
        this.Events.Enqueue((gitspaceId, gitspaceEvent));
        Interlocked.Exchange(ref this.onFirstEventField, null)?.Invoke();
    }

    public void OnLog(string gitspaceId, LogLine line) => this.Logs.Enqueue((gitspaceId, line));

    /// <summary>Serializes everything recorded the way it goes on the wire.</summary>
    public string AsWireText()
    {
        var context = GitspacesJsonContext.Default;
        return string.Join(
            "\n",
            this.Changes.Select(c => JsonSerializer.Serialize(c, context.Gitspace))
                .Concat(this.Events.Select(e => JsonSerializer.Serialize(e.Event, context.GitspaceEvent)))
                .Concat(this.Logs.Select(l => JsonSerializer.Serialize(l.Line, context.LogLine))));
    }
}
