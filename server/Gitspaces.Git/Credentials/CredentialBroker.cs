using System.Net.Sockets;

namespace Gitspaces.Git.Credentials;

/// <summary>
/// The sidecar's end of the credential channel: a unix socket on this machine, in a folder only the user can enter,
/// that an SSH connection forwards into the gitspace (<c>ssh -R</c>). Each connection carries one request, ended by the
/// other side closing its half, and gets one answer; connections are served concurrently. Nothing read or answered is
/// logged beyond the request's action, URL and status.
/// </summary>
public sealed class CredentialBroker : IAsyncDisposable
{
    private static readonly TimeSpan RequestPatience = TimeSpan.FromSeconds(30);

    private readonly Socket listener;
    private readonly Func<CredentialRequest, CancellationToken, Task<CredentialAnswer>> answer;
    private readonly Action<string>? log;
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private readonly string folder;

    private CredentialBroker(Socket listener, string socketPath, string folder, Func<CredentialRequest, CancellationToken, Task<CredentialAnswer>> answer, Action<string>? log)
    {
        this.listener = listener;
        this.SocketPath = socketPath;
        this.folder = folder;
        this.answer = answer;
        this.log = log;
        this.accepting = Task.Run(this.AcceptAsync);
    }

    /// <summary>Gets the socket's path on this machine.</summary>
    public string SocketPath { get; }

    /// <summary>Starts listening on a new socket in a fresh folder that only this user may enter.</summary>
    /// <param name="answer">Answers one request.</param>
    /// <param name="log">Receives one line per request (action, URL, status; never a secret).</param>
    /// <param name="parent">Where to make the folder; the temp folder by default (unix socket paths must stay short).</param>
    /// <returns>The broker, listening.</returns>
    public static CredentialBroker Listen(Func<CredentialRequest, CancellationToken, Task<CredentialAnswer>> answer, Action<string>? log = null, string? parent = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var folder = Path.Combine(parent ?? Path.GetTempPath(), "gitspaces-cred-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            // Created 0700 from the start: nobody else may connect to the socket, even for a moment.
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var path = Path.Combine(folder, "s");
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            socket.Listen(16);
        }
        catch
        {
            socket.Dispose();
            Directory.Delete(folder, recursive: true);
            throw;
        }

        return new CredentialBroker(socket, path, folder, answer, log);
    }

    /// <summary>Reads one request from a connection: everything up to the other side's end of sending.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The bytes, or <see langword="null"/> when they exceed <see cref="CredentialRequest.MaxBytes"/>.</returns>
    internal static async Task<byte[]?> ReadRequestAsync(Stream connection, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await connection.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > CredentialRequest.MaxBytes)
            {
                return null;
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return buffer.ToArray();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await this.stop.CancelAsync();
        this.listener.Dispose();
        try
        {
            await this.accepting;
        }
        catch (OperationCanceledException)
        {
        }

        try
        {
            Directory.Delete(this.folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left in the temp folder; an empty folder with a dead socket.
        }

        this.stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!this.stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await this.listener.AcceptAsync(this.stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => this.ServeAsync(connection));
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(this.stop.Token);
        await using var stream = new NetworkStream(connection, ownsSocket: true);
        try
        {
            timeout.CancelAfter(RequestPatience);
            var bytes = await ReadRequestAsync(stream, timeout.Token);
            var request = bytes is null ? null : CredentialRequest.Parse(bytes);
            CredentialAnswer reply;
            if (request is null)
            {
                reply = CredentialAnswer.Failed("The sidecar did not understand the request; the helper in the gitspace and the sidecar on your machine may be of different versions (reconnect to update the helper).");
            }
            else
            {
                // The helper answers in its own time (a sign-in window); only the request had to arrive promptly.
                timeout.CancelAfter(Timeout.InfiniteTimeSpan);
                reply = await this.answer(request, this.stop.Token);
            }

            this.log?.Invoke($"credentials: {(request is null ? "unreadable request" : request.ToString())} → {reply}");
            await stream.WriteAsync(reply.Encode(), this.stop.Token);
            connection.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The asker went away (its git was interrupted), or the broker is stopping: nothing to answer.
        }
    }
}
