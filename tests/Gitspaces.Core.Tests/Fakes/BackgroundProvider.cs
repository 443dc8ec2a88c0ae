using System.Collections.Concurrent;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Providers;

namespace Gitspaces.Core.Tests.Fakes;

/// <summary>A fake provider whose operations can leave work running, drained through <see cref="IBackgroundWork"/>.</summary>
internal sealed class BackgroundProvider() : FakeProvider("busy"), IBackgroundWork
{
    public ConcurrentDictionary<string, Task> Work { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> Cancelled { get; } = new(StringComparer.Ordinal);

    public Task DrainAsync(string? gitspaceId) =>
        Task.WhenAll(this.Work.Where(w => gitspaceId is null || w.Key == gitspaceId).Select(w => w.Value));

    public Task CancelAsync(string gitspaceId, string message, IGitspaceJournal journal)
    {
        this.Cancelled[gitspaceId] = message;
        journal.RecordEvent(gitspaceId, "gitspace_action_start_failed", message, DateTimeOffset.UtcNow);
        return Task.CompletedTask;
    }
}
