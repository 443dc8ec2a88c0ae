using System.Net;
using System.Net.Sockets;

namespace Gitspaces.Git.Tests.Support;

/// <summary>A git:// server that accepts connections and never answers, until it is disposed.</summary>
internal sealed class SilentServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> accepted = [];
    private readonly TaskCompletionSource connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SilentServer()
    {
        this.listener.Start();
        _ = this.AcceptAsync();
    }

    public string Url => $"git://127.0.0.1:{((IPEndPoint)this.listener.LocalEndpoint).Port}/repo.git";

    /// <summary>Gets a task that completes when the first client connects.</summary>
    public Task Connected => this.connected.Task;

    public void Dispose()
    {
        this.listener.Stop();
        lock (this.accepted)
        {
            foreach (var socket in this.accepted)
            {
                socket.Dispose();
            }
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await this.listener.AcceptSocketAsync();
                lock (this.accepted)
                {
                    this.accepted.Add(socket);
                }

                this.connected.TrySetResult();
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
