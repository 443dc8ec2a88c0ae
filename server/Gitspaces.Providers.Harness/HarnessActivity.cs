using System.Collections.Concurrent;

namespace Gitspaces.Providers.Harness;

/// <summary>
/// What the watcher needs to know of the rest of the provider: when a client last asked for anything (an editor in
/// use), and which gitspaces an operation of this process is following (their events already reach clients).
/// </summary>
internal sealed class HarnessActivity
{
    private readonly ConcurrentDictionary<string, int> following = new(StringComparer.Ordinal);
    private readonly TimeProvider time;
    private long lastTouched;

    public HarnessActivity(TimeProvider? time = null)
    {
        this.time = time ?? TimeProvider.System;
        this.lastTouched = this.time.GetTimestamp();
    }

    /// <summary>Gets how long ago a client last asked the provider for something.</summary>
    public TimeSpan SinceLastUse => this.time.GetElapsedTime(Interlocked.Read(ref this.lastTouched));

    /// <summary>Notes that a client asked for something.</summary>
    public void Touch() => Interlocked.Exchange(ref this.lastTouched, this.time.GetTimestamp());

    /// <summary>Notes that an operation follows a gitspace until the returned value is disposed.</summary>
    /// <param name="id">The gitspace.</param>
    /// <returns>Ends the following.</returns>
    public IDisposable Follow(string id)
    {
        this.Touch();
        this.following.AddOrUpdate(id, 1, (_, n) => n + 1);
        return new Unfollow(this, id);
    }

    /// <summary>Returns whether an operation of this process follows the gitspace now.</summary>
    /// <param name="id">The gitspace.</param>
    /// <returns>Whether its events reach clients already.</returns>
    public bool IsFollowed(string id) => this.following.TryGetValue(id, out var n) && n > 0;

    private sealed class Unfollow(HarnessActivity activity, string id) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref this.disposed, 1) == 0)
            {
                activity.following.AddOrUpdate(id, 0, (_, n) => Math.Max(0, n - 1));
            }
        }
    }
}
