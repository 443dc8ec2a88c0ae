using System.Net.Sockets;
using System.Text;

namespace Gitspaces.TestSupport;

/// <summary>A unix socket that accepts every connection and answers each request with fixed bytes, or never.</summary>
public sealed class EngineStandIn : IAsyncDisposable
{
    private readonly Socket listener;
    private readonly List<Socket> connections = [];
    private readonly CancellationTokenSource stop = new();

    private EngineStandIn(string? answer)
    {
        var path = Path.Combine(TempDirectory.Create("engine-standin"), "engine.sock");
        this.listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        this.listener.Bind(new UnixDomainSocketEndPoint(path));
        this.listener.Listen(16);
        this.Address = "unix://" + path;
        _ = Task.Run(() => this.AcceptAsync(answer));
    }

    public string Address { get; }

    public TaskCompletionSource Accepted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static EngineStandIn Start(string? answer) => new(answer);

    public async ValueTask DisposeAsync()
    {
        await this.stop.CancelAsync();
        this.listener.Dispose();
        lock (this.connections)
        {
            this.connections.ForEach(c => c.Dispose());
        }

        this.stop.Dispose();
    }

    private async Task AcceptAsync(string? answer)
    {
        try
        {
            while (!this.stop.IsCancellationRequested)
            {
                var connection = await this.listener.AcceptAsync(this.stop.Token);
                lock (this.connections)
                {
                    this.connections.Add(connection);
                }

                this.Accepted.TrySetResult();
                if (answer is not null)
                {
                    _ = Task.Run(() => AnswerAsync(connection, answer, this.stop.Token));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private static async Task AnswerAsync(Socket connection, string answer, CancellationToken cancellationToken)
    {
        try
        {
            // Read the request head, then answer it.
            var buffer = new byte[8192];
            var head = new StringBuilder();
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var n = await connection.ReceiveAsync(buffer, cancellationToken);
                if (n == 0)
                {
                    return;
                }

                head.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }

            await connection.SendAsync(Encoding.ASCII.GetBytes(answer), cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away.
        }
    }
}
