using System.Collections.Concurrent;
using Gitspaces.Core.Providers;

namespace Gitspaces.Core.Tests.Fakes;

/// <summary>A fake provider whose operations can leave work running, drained through <see cref="IBackgroundWork"/>.</summary>
internal sealed class BackgroundProvider() : FakeProvider("busy"), IBackgroundWork
{
    public ConcurrentDictionary<string, Task> Work { get; } = new(StringComparer.Ordinal);

    public Task DrainAsync(string? gitspaceId) =>
        Task.WhenAll(this.Work.Where(w => gitspaceId is null || w.Key == gitspaceId).Select(w => w.Value));
}
