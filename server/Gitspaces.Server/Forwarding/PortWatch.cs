using System.Collections.Concurrent;
using Gitspaces.Core;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Ports;
using Gitspaces.Protocol;

namespace Gitspaces.Server.Forwarding;

/// <summary>
/// For a <c>gitspaces serve</c> session: follows the listening ports of every running gitspace whose provider has a
/// port channel, and tells the client (<c>gitspaces/portsChanged</c>, and a <c>port_detected</c> event for a port that
/// starts listening while watched). When a gitspace stops or is deleted, its watch ends and this process's forwards of
/// it stop. What to do with a new port is the client's choice, from the port's <c>onAutoForward</c>.
/// </summary>
internal sealed class PortWatch : IGitspaceObserver, IAsyncDisposable
{
    private readonly GitspaceService service;
    private readonly PortForwarder forwarder;
    private readonly Action<PortsChangedParams> notify;
    private readonly Action<string>? log;
    private readonly ConcurrentDictionary<string, Watched> watching = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Initializes a new instance of the <see cref="PortWatch"/> class.</summary>
    /// <param name="service">The service.</param>
    /// <param name="forwarder">This process's forwards.</param>
    /// <param name="notify">Sends <c>gitspaces/portsChanged</c>.</param>
    /// <param name="log">Receives why a watch ended early.</param>
    public PortWatch(GitspaceService service, PortForwarder forwarder, Action<PortsChangedParams> notify, Action<string>? log)
    {
        this.service = service;
        this.forwarder = forwarder;
        this.notify = notify;
        this.log = log;
        this.Ports = new GitspacePorts(service, forwarder, this.Listening);
        forwarder.Changed += (_, id) =>
        {
            if (this.watching.TryGetValue(id, out var watched))
            {
                this.Announce(watched, [], []);
            }
        };
    }

    /// <summary>Gets the port use cases, answering from the watches where they run.</summary>
    public GitspacePorts Ports { get; }

    /// <summary>Starts watching the running gitspaces.</summary>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <returns>A task that completes once each watch has started.</returns>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var list = await this.service.ListAsync(null, cancellationToken);
        foreach (var gitspace in list.Gitspaces)
        {
            this.OnChanged(gitspace);
        }
    }

    /// <summary>Returns the listening ports a watch follows for a gitspace.</summary>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <returns>The ports, or <see langword="null"/> when none is watched yet.</returns>
    public IReadOnlyList<int>? Listening(string gitspaceId) =>
        this.watching.TryGetValue(gitspaceId, out var watched) ? watched.Ports : null;

    /// <inheritdoc/>
    public void OnChanged(Gitspace gitspace)
    {
        if (gitspace.State == GitspaceState.Running)
        {
            var watched = new Watched(gitspace);
            if (this.watching.TryAdd(gitspace.Id, watched))
            {
                watched.Task = this.WatchAsync(watched);
            }
        }
        else if (gitspace.State is GitspaceState.Stopped or GitspaceState.Stopping or GitspaceState.Deleted or GitspaceState.Error)
        {
            // The forwards go with the gitspace; the watch's exec ends with its container.
            _ = this.forwarder.StopAsync(gitspace.Id);
        }
    }

    /// <inheritdoc/>
    public void OnEvent(string gitspaceId, GitspaceEvent gitspaceEvent)
    {
    }

    /// <inheritdoc/>
    public void OnLog(string gitspaceId, LogLine line)
    {
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await this.stopping.CancelAsync();
        foreach (var watched in this.watching.Values)
        {
            try
            {
                await (watched.Task ?? Task.CompletedTask);
            }
            catch (OperationCanceledException)
            {
            }
        }

        this.stopping.Dispose();
    }

    private async Task WatchAsync(Watched watched)
    {
        await Task.Yield();
        var id = watched.Gitspace.Id;
        try
        {
            var (_, channel, journal) = await this.service.GetPortChannelAsync(id, this.stopping.Token);
            watched.Settings = await channel.GetPortSettingsAsync(id, this.stopping.Token);
            var first = true;
            await foreach (var ports in channel.WatchListeningPortsAsync(id, this.stopping.Token))
            {
                var before = watched.Ports ?? [];
                var opened = ports.Except(before).ToList();
                var closed = before.Except(ports).ToList();
                watched.Ports = ports;
                if (!first)
                {
                    foreach (var port in opened)
                    {
                        var attributes = watched.Settings.AttributesOf(port);
                        journal.RecordEvent(id, EventTypes.PortDetected, $"Port {port}{(attributes.Label is { } label ? $" ({label})" : string.Empty)} is listening in the gitspace.", DateTimeOffset.UtcNow);
                    }
                }

                first = false;
                this.Announce(watched, opened, closed);
            }
        }
        catch (OperationCanceledException) when (this.stopping.IsCancellationRequested)
        {
            return;
        }
        catch (GitspaceException ex) when (ex.Code is ErrorCodes.NotSupported or ErrorCodes.GitspaceNotFound or ErrorCodes.InvalidState)
        {
            // Not a gitspace whose ports can be followed (another provider, or it stopped meanwhile).
        }
#pragma warning disable CA1031 // Watching is best effort: a failure must not take the server down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            this.log?.Invoke($"watching the ports of {id} stopped: {ex.Message}");
        }
        finally
        {
            this.watching.TryRemove(KeyValuePair.Create(id, watched));
        }

        if (!this.stopping.IsCancellationRequested)
        {
            // The watch ends with the container: its forwards here end too.
            await this.forwarder.StopAsync(id);
            var closed = watched.Ports ?? [];
            watched.Ports = [];
            this.Announce(watched, [], closed);
        }
    }

    private void Announce(Watched watched, IReadOnlyList<int> opened, IReadOnlyList<int> closed)
    {
        var gitspace = watched.Gitspace;
        var id = gitspace.Id;
        try
        {
            this.notify(new PortsChangedParams
            {
                Id = id,
                Provider = gitspace.Provider,
                Ports = this.Ports.Merge(gitspace, watched.Settings ?? PortSettings.None, watched.Ports ?? []),
                Opened = opened,
                Closed = closed,
            });
        }
        catch (IOException ex)
        {
            this.log?.Invoke($"could not read the forwards of {id}: {ex.Message}");
        }
    }

    private sealed class Watched(Gitspace gitspace)
    {
        public Gitspace Gitspace { get; } = gitspace;

        public PortSettings? Settings { get; set; }

        public IReadOnlyList<int>? Ports { get; set; }

        public Task? Task { get; set; }
    }
}
