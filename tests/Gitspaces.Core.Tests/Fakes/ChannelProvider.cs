using Gitspaces.Core.Ports;
using Gitspaces.Core.Ssh;

namespace Gitspaces.Core.Tests.Fakes;

/// <summary>A fake provider that offers both channels; each opens an in-memory stream naming what was opened.</summary>
internal sealed class ChannelProvider(string id = "channels") : FakeProvider(id), ISshChannelProvider, IPortChannelProvider
{
    public Task<Stream> OpenSshChannelAsync(string gitspaceId, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("ssh " + gitspaceId)));

    public Task<Stream> OpenPortChannelAsync(string gitspaceId, int port, string? service, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"port {gitspaceId}:{port}")));

    public Task<PortSettings> GetPortSettingsAsync(string gitspaceId, CancellationToken cancellationToken) => Task.FromResult(PortSettings.None);

    public async IAsyncEnumerable<IReadOnlyList<int>> WatchListeningPortsAsync(string gitspaceId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return [8080];
    }
}
