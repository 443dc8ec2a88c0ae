using System.Collections.Concurrent;

namespace Gitspaces.Git.Tests.Support;

/// <summary>Keeps everything a clone reported.</summary>
internal sealed class RecordingObserver : ICloneObserver
{
    public ConcurrentQueue<(string Message, int? Percentage)> Progresses { get; } = new();

    public ConcurrentQueue<(string Stream, string Line)> Lines { get; } = new();

    public void Progress(string message, int? percentage) => this.Progresses.Enqueue((message, percentage));

    public void Log(string stream, string line) => this.Lines.Enqueue((stream, line));

    public string Everything() =>
        string.Join('\n', this.Progresses.Select(p => p.Message).Concat(this.Lines.Select(l => l.Line)));
}
