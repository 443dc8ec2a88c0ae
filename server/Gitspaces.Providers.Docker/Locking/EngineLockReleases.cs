using System.Collections.Concurrent;

namespace Gitspaces.Providers.Docker.Locking;

/// <summary>
/// Engine locks being let go after their operation answered. Removing the lock container is one more engine call (tens
/// of milliseconds, more on a busy engine) that nobody needs to wait for: a later operation of this home that finds
/// the lock still there breaks it as its own. A process that is about to exit waits for them, so no lock outlives it.
/// </summary>
internal sealed class EngineLockReleases
{
    private readonly ConcurrentDictionary<Task, byte> pending = new();

    /// <summary>Tracks a release until it completes.</summary>
    /// <param name="release">The removal.</param>
    public void Add(Task release)
    {
        this.pending[release] = 0;
        _ = release.ContinueWith(done => this.pending.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits for the releases started so far.</summary>
    /// <returns>A task that completes when they have.</returns>
    public Task DrainAsync() => Task.WhenAll(this.pending.Keys);
}
