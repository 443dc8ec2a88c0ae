using System.Collections.Concurrent;

namespace Gitspaces.Providers.Docker.Lifecycle;

/// <summary>
/// The lifecycle commands left running after <c>waitFor</c>, one run per gitspace: the next operation on a gitspace
/// cancels its run first, and a process that is about to exit drains them.
/// </summary>
internal sealed class BackgroundLifecycles
{
    private readonly ConcurrentDictionary<string, Run> runs = new(StringComparer.Ordinal);

    /// <summary>Starts work for a gitspace, in the background, with a cancellation of its own (the operation's ends when it returns).</summary>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <param name="work">The work; it receives the run's cancellation.</param>
    public void Start(string gitspaceId, Func<CancellationToken, Task> work)
    {
        var cancellation = new CancellationTokenSource();
        var task = Task.Run(() => work(cancellation.Token), CancellationToken.None);
        this.runs[gitspaceId] = new Run(task, cancellation);
    }

    /// <summary>Cancels a gitspace's run and waits for it to end.</summary>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <returns>Whether a run was still going when it was cancelled.</returns>
    public async Task<bool> StopAsync(string gitspaceId)
    {
        if (this.runs.TryRemove(gitspaceId, out var running))
        {
            var going = !running.Task.IsCompleted;
            await running.Cancellation.CancelAsync();
            try
            {
                await running.Task;
            }
            catch (OperationCanceledException)
            {
                // Cancelled on purpose: the next operation takes over.
            }

            running.Cancellation.Dispose();
            return going;
        }

        return false;
    }

    /// <summary>Waits until the runs of one gitspace, or of all, have ended.</summary>
    /// <param name="gitspaceId">The gitspace, or <see langword="null"/> for every gitspace.</param>
    /// <returns>A task that completes when they have ended.</returns>
    public Task DrainAsync(string? gitspaceId) =>
        Task.WhenAll(this.runs.Where(r => gitspaceId is null || r.Key == gitspaceId).Select(r => r.Value.Task).ToList());

    /// <summary>Cancels every run (the provider is going away).</summary>
    public void CancelAll()
    {
        foreach (var running in this.runs.Values)
        {
            running.Cancellation.Cancel();
        }
    }

    private sealed record Run(Task Task, CancellationTokenSource Cancellation);
}
