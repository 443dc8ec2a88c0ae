using Gitspaces.Core;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Ports;
using Gitspaces.Protocol;

namespace Gitspaces.Server.Forwarding;

/// <summary>
/// The port use cases, for the RPC methods and the CLI alike: list a gitspace's ports (configured, listening,
/// forwarded), forward one, stop forwards. The gitspace and its provider's channel come from <see cref="GitspaceService"/>.
/// </summary>
internal sealed class GitspacePorts
{
    private readonly GitspaceService service;
    private readonly PortForwarder forwarder;
    private readonly Func<string, IReadOnlyList<int>?> watched;

    /// <summary>Initializes a new instance of the <see cref="GitspacePorts"/> class.</summary>
    /// <param name="service">The service.</param>
    /// <param name="forwarder">The forwards of this process.</param>
    /// <param name="watched">The listening ports a watcher already follows for a gitspace, or <see langword="null"/> to ask the gitspace.</param>
    public GitspacePorts(GitspaceService service, PortForwarder forwarder, Func<string, IReadOnlyList<int>?>? watched = null)
    {
        this.service = service;
        this.forwarder = forwarder;
        this.watched = watched ?? (_ => null);
    }

    /// <summary>Lists a gitspace's ports.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ports.</returns>
    public async Task<ListPortsResult> ListAsync(string id, CancellationToken cancellationToken)
    {
        var (gitspace, channel, _) = await this.service.GetPortChannelAsync(id, cancellationToken);
        var running = gitspace.State == GitspaceState.Running;
        var settings = running ? await channel.GetPortSettingsAsync(id, cancellationToken) : PortSettings.None;
        var listening = running ? this.watched(id) ?? await SnapshotAsync(channel, id, cancellationToken) : [];
        return new ListPortsResult { Ports = this.Merge(gitspace, settings, listening) };
    }

    /// <summary>Lists a gitspace's ports from what is already known (for notifications: no call to the gitspace).</summary>
    /// <param name="gitspace">The gitspace.</param>
    /// <param name="settings">Its port settings.</param>
    /// <param name="listening">Its listening ports.</param>
    /// <returns>The ports.</returns>
    public IReadOnlyList<GitspacePort> Merge(Gitspace gitspace, PortSettings settings, IReadOnlyList<int> listening)
    {
        var forwards = this.forwarder.Records.List(gitspace.Provider, gitspace.Id)
            .Select(r => r.Record.Forward)
            .OrderBy(f => f.ProcessId == Environment.ProcessId ? 0 : 1)
            .ToList();
        var keys = settings.Forward.Select(c => (c.Port, c.Service))
            .Concat(listening.Select(p => (Port: p, Service: (string?)null)))
            .Concat(forwards.Select(f => (f.Port, f.Service)))
            .Distinct()
            .OrderBy(k => k.Service is null ? 0 : 1).ThenBy(k => k.Service, StringComparer.Ordinal).ThenBy(k => k.Port);
        return
        [
            .. keys.Select(k => new GitspacePort
            {
                Port = k.Port,
                Service = k.Service,
                Configured = settings.Forward.Any(c => c.Port == k.Port && c.Service == k.Service),
                Listening = k.Service is null && listening.Contains(k.Port),
                Attributes = settings.AttributesOf(k.Port),
                Forward = forwards.FirstOrDefault(f => f.Port == k.Port && f.Service == k.Service),
            }),
        ];
    }

    /// <summary>Forwards a port, or returns the forward that already exists for it on this machine.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The forward.</returns>
    public async Task<PortForward> ForwardAsync(ForwardPortParams request, CancellationToken cancellationToken)
    {
        if (request.Port is < 1 or > 65535)
        {
            throw GitspaceException.InvalidParams("$.port", $"Invalid params: port {request.Port} is not a TCP port (1–65535).");
        }

        if (request.LocalPort is < 1 or > 65535)
        {
            throw GitspaceException.InvalidParams("$.localPort", $"Invalid params: localPort {request.LocalPort} is not a TCP port (1–65535).");
        }

        var service = string.IsNullOrEmpty(request.Service) ? null : request.Service;
        var (gitspace, channel, journal) = await this.service.GetPortChannelAsync(request.Id, cancellationToken);
        if (gitspace.State != GitspaceState.Running)
        {
            throw new GitspaceException(ErrorCodes.InvalidState, $"Gitspace '{request.Id}' is {gitspace.State.ToString().ToLowerInvariant()}; start it before forwarding its ports.", new ErrorData { Kind = nameof(ErrorCodes.InvalidState), GitspaceId = request.Id, State = gitspace.State.ToString().ToLowerInvariant() });
        }

        if (this.forwarder.Records.List(gitspace.Provider, gitspace.Id).Select(r => r.Record.Forward).FirstOrDefault(f => f.Port == request.Port && f.Service == service) is { } existing
            && (request.LocalPort is null || request.LocalPort == existing.LocalPort))
        {
            return existing;
        }

        var settings = await channel.GetPortSettingsAsync(request.Id, cancellationToken);
        var attributes = settings.AttributesOf(request.Port);
        var configured = settings.Forward.FirstOrDefault(c => c.Port == request.Port && c.Service == service);
        var forward = this.forwarder.Start(
            gitspace.Provider,
            gitspace.Id,
            channel,
            request.Port,
            service,
            request.LocalPort ?? configured?.LocalPort ?? request.Port,
            request.RequireLocalPort ?? attributes.RequireLocalPort,
            attributes.Protocol);
        journal.RecordEvent(gitspace.Id, EventTypes.PortForwarded, $"Forwarding 127.0.0.1:{forward.LocalPort} to port {Describe(forward.Port, service)} ({forward.Owner}).", DateTimeOffset.UtcNow);
        return forward;
    }

    /// <summary>Stops forwards of a gitspace: this process's directly, other processes' by removing their records.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The forwards stopped.</returns>
    public async Task<IReadOnlyList<PortForward>> StopAsync(StopPortForwardParams request, CancellationToken cancellationToken)
    {
        var service = string.IsNullOrEmpty(request.Service) ? null : request.Service;
        var (gitspace, _, journal) = await this.service.GetPortChannelAsync(request.Id, cancellationToken);
        var stopped = new List<PortForward>(await this.forwarder.StopAsync(gitspace.Id, request.Port, service));
        foreach (var (path, record) in this.forwarder.Records.List(gitspace.Provider, gitspace.Id))
        {
            if (request.Port is null || (record.Forward.Port == request.Port && record.Forward.Service == service))
            {
                ForwardRecords.TryDelete(path);
                stopped.Add(record.Forward);
            }
        }

        foreach (var forward in stopped)
        {
            journal.RecordEvent(gitspace.Id, EventTypes.PortForwardStopped, $"Stopped forwarding 127.0.0.1:{forward.LocalPort} to port {Describe(forward.Port, forward.Service)}.", DateTimeOffset.UtcNow);
        }

        return stopped;
    }

    /// <summary>Reads the listening ports once.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="id">The gitspace id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ports (none when the gitspace stopped meanwhile).</returns>
    public static async Task<IReadOnlyList<int>> SnapshotAsync(IPortChannelProvider channel, string id, CancellationToken cancellationToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await foreach (var ports in channel.WatchListeningPortsAsync(id, done.Token))
        {
            await done.CancelAsync();
            return ports;
        }

        return [];
    }

    private static string Describe(int port, string? service) => service is null ? port.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{port} of service {service}";
}
