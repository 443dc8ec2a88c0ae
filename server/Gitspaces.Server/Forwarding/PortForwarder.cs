using Gitspaces.Core.Ports;
using Gitspaces.Core.State;
using Gitspaces.Protocol;

namespace Gitspaces.Server.Forwarding;

/// <summary>
/// The forwards this process holds. They end when they are stopped here, when another process removes their record
/// (checked every second), when their gitspace stops, and all of them when this process ends.
/// </summary>
internal sealed class PortForwarder : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<ActiveForward> active = [];
    private readonly string owner;
    private readonly Action<string>? log;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task checking;

    /// <summary>Initializes a new instance of the <see cref="PortForwarder"/> class.</summary>
    /// <param name="paths">The state directory.</param>
    /// <param name="owner">What this process is, for the records (<c>server</c>, <c>cli</c>, <c>background</c>).</param>
    /// <param name="log">Receives connection failures.</param>
    public PortForwarder(StatePaths paths, string owner, Action<string>? log = null)
    {
        this.Records = new ForwardRecords(paths);
        this.owner = owner;
        this.log = log;
        this.checking = this.CheckRecordsAsync();
    }

    /// <summary>Raised after a forward of a gitspace started or ended here (provider id, gitspace id).</summary>
    public event Action<string, string>? Changed;

    /// <summary>Gets the records of every process's forwards.</summary>
    public ForwardRecords Records { get; }

    /// <summary>Gets the number of forwards held here.</summary>
    public int Count
    {
        get
        {
            lock (this.gate)
            {
                return this.active.Count;
            }
        }
    }

    /// <summary>Returns the forward held here for a port, if any.</summary>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="port">The port inside the gitspace.</param>
    /// <param name="service">The compose service, or <see langword="null"/>.</param>
    /// <returns>The forward, or <see langword="null"/>.</returns>
    public PortForward? Find(string gitspaceId, int port, string? service)
    {
        lock (this.gate)
        {
            return this.active.FirstOrDefault(f => f.Record.GitspaceId == gitspaceId && f.Record.Forward.Port == port && f.Record.Forward.Service == service)?.Record.Forward;
        }
    }

    /// <summary>Starts a forward.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="channel">The provider's port channel.</param>
    /// <param name="port">The port inside the gitspace.</param>
    /// <param name="service">The compose service, or <see langword="null"/>.</param>
    /// <param name="localPort">The port wanted on 127.0.0.1.</param>
    /// <param name="requireLocalPort">Whether only that port will do.</param>
    /// <param name="protocol"><c>http</c> or <c>https</c>.</param>
    /// <returns>The forward.</returns>
    public PortForward Start(string provider, string gitspaceId, IPortChannelProvider channel, int port, string? service, int localPort, bool requireLocalPort, string protocol)
    {
        var forward = ActiveForward.Start(provider, gitspaceId, port, service, localPort, requireLocalPort, protocol, this.owner, channel, this.Records, this.log);
        lock (this.gate)
        {
            this.active.Add(forward);
        }

        this.Changed?.Invoke(provider, gitspaceId);
        return forward.Record.Forward;
    }

    /// <summary>Stops the forwards held here that match.</summary>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="port">The port, or <see langword="null"/> for all of the gitspace's.</param>
    /// <param name="service">The compose service of <paramref name="port"/>.</param>
    /// <returns>The forwards stopped.</returns>
    public async Task<IReadOnlyList<PortForward>> StopAsync(string gitspaceId, int? port = null, string? service = null)
    {
        List<ActiveForward> matching;
        lock (this.gate)
        {
            matching = [.. this.active.Where(f => f.Record.GitspaceId == gitspaceId && (port is null || (f.Record.Forward.Port == port && f.Record.Forward.Service == service)))];
            this.active.RemoveAll(matching.Contains);
        }

        foreach (var forward in matching)
        {
            await forward.DisposeAsync();
            this.Changed?.Invoke(forward.Record.Provider, gitspaceId);
        }

        return [.. matching.Select(f => f.Record.Forward)];
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await this.stopping.CancelAsync();
        try
        {
            await this.checking;
        }
        catch (OperationCanceledException)
        {
        }

        List<ActiveForward> all;
        lock (this.gate)
        {
            all = [.. this.active];
            this.active.Clear();
        }

        foreach (var forward in all)
        {
            await forward.DisposeAsync();
        }

        this.stopping.Dispose();
    }

    private async Task CheckRecordsAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(this.stopping.Token))
        {
            List<ActiveForward> removed;
            lock (this.gate)
            {
                // Another process asked for the stop by removing the record.
                removed = [.. this.active.Where(f => !File.Exists(f.RecordPath))];
                this.active.RemoveAll(removed.Contains);
            }

            foreach (var forward in removed)
            {
                await forward.DisposeAsync();
                this.Changed?.Invoke(forward.Record.Provider, forward.Record.GitspaceId);
            }
        }
    }
}
