using System.Net;
using System.Net.Sockets;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Ports;
using Gitspaces.Protocol;

namespace Gitspaces.Server.Forwarding;

/// <summary>
/// One forward held by this process: a listener on 127.0.0.1 and, for each connection it accepts, a port channel to
/// the gitspace, with bytes pumped both ways and half-closes passed on.
/// </summary>
internal sealed class ActiveForward : IAsyncDisposable
{
    private const int BufferSize = 128 * 1024;
    private readonly TcpListener listener;
    private readonly IPortChannelProvider channel;
    private readonly Action<string>? log;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private int disposed;

    private ActiveForward(ForwardRecord record, string recordPath, TcpListener listener, IPortChannelProvider channel, Action<string>? log)
    {
        this.Record = record;
        this.RecordPath = recordPath;
        this.listener = listener;
        this.channel = channel;
        this.log = log;
        this.accepting = this.AcceptAsync();
    }

    /// <summary>Gets the forward as the records and clients see it.</summary>
    public ForwardRecord Record { get; }

    /// <summary>Gets the file that announces the forward to other processes; removing it stops the forward.</summary>
    public string RecordPath { get; }

    /// <summary>Gets a task that completes once the listener is closed.</summary>
    public Task Completion => this.accepting;

    /// <summary>Binds the listener and starts accepting.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <param name="port">The port inside the gitspace.</param>
    /// <param name="service">The compose service, or <see langword="null"/>.</param>
    /// <param name="localPort">The port wanted on 127.0.0.1.</param>
    /// <param name="requireLocalPort">Whether only that port will do.</param>
    /// <param name="protocol"><c>http</c> or <c>https</c>, for the URL.</param>
    /// <param name="owner">Who holds it (<c>server</c>, <c>cli</c>, <c>background</c>).</param>
    /// <param name="channel">The provider's port channel.</param>
    /// <param name="records">Where the forward is announced.</param>
    /// <param name="log">Receives connection failures.</param>
    /// <returns>The forward.</returns>
    public static ActiveForward Start(string provider, string gitspaceId, int port, string? service, int localPort, bool requireLocalPort, string protocol, string owner, IPortChannelProvider channel, ForwardRecords records, Action<string>? log)
    {
        var listener = Bind(gitspaceId, localPort, requireLocalPort);
        var bound = ((IPEndPoint)listener.LocalEndpoint).Port;
        var forward = new PortForward
        {
            Port = port,
            Service = service,
            LocalPort = bound,
            Url = $"{protocol}://127.0.0.1:{bound}/",
            Owner = owner,
            ProcessId = Environment.ProcessId,
        };
        var record = new ForwardRecord(provider, gitspaceId, forward);
        var path = records.PathOf(provider, gitspaceId, service, port, Environment.ProcessId);
        ForwardRecords.Write(path, record);
        return new ActiveForward(record, path, listener, channel, log);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref this.disposed, 1) != 0)
        {
            return;
        }

        await this.stopping.CancelAsync();
        this.listener.Stop();
        ForwardRecords.TryDelete(this.RecordPath);
        try
        {
            await this.accepting;
        }
        catch (OperationCanceledException)
        {
        }

        this.stopping.Dispose();
    }

    private static TcpListener Bind(string gitspaceId, int wanted, bool require)
    {
        // The same number when it is free, else the next free one (as VS Code does), unless the configuration needs that one.
        for (var candidate = wanted; candidate <= 65535; candidate++)
        {
            // Loopback only: a forward is never reachable from the network.
            var listener = new TcpListener(IPAddress.Loopback, candidate);
            try
            {
                listener.Start(512);
                return listener;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
            {
                listener.Dispose();
                if (require)
                {
                    throw new GitspaceException(ErrorCodes.PortUnavailable, $"Port {wanted} on 127.0.0.1 is {(ex.SocketErrorCode == SocketError.AccessDenied ? "reserved for administrators" : "in use")}, and the forward requires that port (requireLocalPort).", new ErrorData
                    {
                        Kind = nameof(ErrorCodes.PortUnavailable),
                        GitspaceId = gitspaceId,
                        Field = "$.localPort",
                        Hint = $"Stop what listens on 127.0.0.1:{wanted} (ss -ltnp shows it), or forward without requireLocalPort to take the next free port.",
                    });
                }
            }
        }

        throw new GitspaceException(ErrorCodes.PortUnavailable, $"No port from {wanted} up is free on 127.0.0.1.", new ErrorData { Kind = nameof(ErrorCodes.PortUnavailable), GitspaceId = gitspaceId, Field = "$.localPort" });
    }

    private async Task AcceptAsync()
    {
        await Task.Yield();
        var token = this.stopping.Token;
        while (!token.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await this.listener.AcceptSocketAsync(token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = this.ServeAsync(client, token);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken token)
    {
        using var _ = client;
        client.NoDelay = true;
        var forward = this.Record.Forward;
        Stream remote;
        try
        {
            remote = await this.channel.OpenPortChannelAsync(this.Record.GitspaceId, forward.Port, forward.Service, token);
        }
#pragma warning disable CA1031 // One connection failing (the gitspace stopped, the engine refused) closes that connection only.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            this.log?.Invoke($"forward 127.0.0.1:{forward.LocalPort} → {this.Record.GitspaceId}:{forward.Port}: {ex.Message}");
            return;
        }

        await using (remote)
        {
            using var connection = CancellationTokenSource.CreateLinkedTokenSource(token);
            await using var local = new NetworkStream(client, ownsSocket: false);
            var upload = UploadAsync(local, remote, connection);
            try
            {
                await remote.CopyToAsync(local, BufferSize, connection.Token);

                // The gitspace's side is done: tell the client, which may still be sending.
                client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or the forward stopped: the connection is over.
            }

            await connection.CancelAsync();
            await upload;
        }
    }

    private static async Task UploadAsync(NetworkStream local, Stream remote, CancellationTokenSource connection)
    {
        try
        {
            await local.CopyToAsync(remote, BufferSize, connection.Token);

            // The client is done sending: pass the half-close on and keep reading the answer.
            if (remote is IHalfClosable halfClosable)
            {
                halfClosable.CloseWrite();
                return;
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Reset by the client, or the download ended first.
        }

        await connection.CancelAsync();
    }
}
