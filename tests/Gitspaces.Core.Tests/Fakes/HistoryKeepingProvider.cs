using Gitspaces.Core.Providers;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Tests.Fakes;

/// <summary>A fake control plane: it keeps events itself, and a log only when <see cref="KeepsLog"/> is set.</summary>
internal sealed class HistoryKeepingProvider() : FakeProvider("plane"), IProviderHistory
{
    public bool KeepsLog { get; set; } = true;

    public Task<IReadOnlyList<GitspaceEvent>> GetEventsAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GitspaceEvent>>([new GitspaceEvent { Type = EventTypes.ActionStart, Message = "from the control plane", Timestamp = DateTimeOffset.UnixEpoch }]);

    public Task<GitspaceLogsResult?> GetLogsAsync(string id, long from, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(this.KeepsLog ? new GitspaceLogsResult { Lines = [new LogLine { Pos = 0, Line = "control plane log", Time = DateTimeOffset.UnixEpoch, Stream = "stdout" }], Next = 1 } : null);
}
