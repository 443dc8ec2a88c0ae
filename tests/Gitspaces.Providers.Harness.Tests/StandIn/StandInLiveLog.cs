namespace Gitspaces.Providers.Harness.Tests.StandIn;

/// <summary>
/// The live log of one operation, as the open-source server's <c>livelog</c> keeps it: a subscriber first gets the
/// lines so far, then each new one, then <c>eof</c> when the operation ends.
/// </summary>
internal sealed class StandInLiveLog
{
    private readonly Lock gate = new();
    private readonly List<(long Pos, string Out, long Time)> lines = [];
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Done { get; private set; }

    public void Append(string text, long unixMilliseconds)
    {
        lock (this.gate)
        {
            this.lines.Add((this.lines.Count, text, unixMilliseconds));
            this.Signal();
        }
    }

    public void Complete()
    {
        lock (this.gate)
        {
            this.Done = true;
            this.Signal();
        }
    }

    /// <summary>Returns the lines from <paramref name="from"/>, whether the log is complete, and a task that completes on the next change.</summary>
    public (IReadOnlyList<(long Pos, string Out, long Time)> Lines, bool Done, Task Changed) Read(int from)
    {
        lock (this.gate)
        {
            return ([.. this.lines.Skip(from)], this.Done, this.changed.Task);
        }
    }

    private void Signal()
    {
        var previous = this.changed;
        this.changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
