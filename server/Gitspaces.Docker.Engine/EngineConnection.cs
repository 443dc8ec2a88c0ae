using System.Globalization;
using System.IO.Pipes;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Gitspaces.Docker.Engine;

/// <summary>
/// One HTTP/1.1 exchange with the Docker engine over its own transport (unix socket, named pipe, TCP with or without
/// TLS): write a request, read the response head, then either its body or, after an upgrade, the raw stream. Written by
/// hand because the calls an editor waits for (list, inspect, start, exec, the SSH channel) must not pay for loading
/// an HTTP stack and a reflection-based JSON library in a process that lives a fraction of a second.
/// </summary>
internal sealed class EngineConnection : IAsyncDisposable, IDisposable
{
    private const int BufferSize = 16 * 1024;
    private const int MaxHeadBytes = 64 * 1024;
    private readonly Stream stream;
    private readonly Socket? socket;
    private byte[] buffer = new byte[BufferSize];
    private int start;
    private int end;

    private EngineConnection(Stream stream, Socket? socket)
    {
        this.stream = stream;
        this.socket = socket;
    }

    /// <summary>Gets the status code of the response read by <see cref="ReadHeadAsync"/>.</summary>
    public int StatusCode { get; private set; }

    /// <summary>Gets the response headers (names in lower case).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Opens a connection to the engine.</summary>
    /// <param name="endpoint">The engine.</param>
    /// <param name="tls">The client certificate and trust to use for a TLS engine, or <see langword="null"/> for plain transport.</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    /// <returns>The connection.</returns>
    public static async Task<EngineConnection> OpenAsync(DockerEndpoint endpoint, EngineTls? tls, CancellationToken cancellationToken)
    {
        var address = endpoint.Address;
        switch (address.Scheme)
        {
            case "unix":
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(address.LocalPath), cancellationToken);
                    return new EngineConnection(new NetworkStream(socket, ownsSocket: true), socket);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }

            case "npipe":
            {
                // npipe://./pipe/docker_engine: the server is the host, the pipe's name the last segment (as the docker CLI reads it).
                var server = string.IsNullOrEmpty(address.Host) ? "." : address.Host;
                var name = address.Segments.Length > 2 ? address.Segments[2].TrimEnd('/') : address.AbsolutePath.TrimStart('/');
                var pipe = new NamedPipeClientStream(server, name, PipeDirection.InOut, PipeOptions.Asynchronous);
                try
                {
                    await pipe.ConnectAsync(TimeSpan.FromSeconds(10), cancellationToken);
                    return new EngineConnection(pipe, null);
                }
                catch (TimeoutException ex)
                {
                    await pipe.DisposeAsync();
                    throw new IOException($"could not connect to the named pipe {address.OriginalString}", ex);
                }
                catch
                {
                    await pipe.DisposeAsync();
                    throw;
                }
            }

            default:
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(address.Host, address.Port < 0 ? (tls is null ? 2375 : 2376) : address.Port, cancellationToken);
                    var network = new NetworkStream(socket, ownsSocket: true);
                    if (tls is null)
                    {
                        return new EngineConnection(network, socket);
                    }

                    var secure = new SslStream(network, leaveInnerStreamOpen: false);
                    await secure.AuthenticateAsClientAsync(
                        new SslClientAuthenticationOptions
                        {
                            TargetHost = address.Host,
                            ClientCertificates = tls.ClientCertificate is null ? null : new X509CertificateCollection { tls.ClientCertificate },
                            RemoteCertificateValidationCallback = tls.Validate,
                        },
                        cancellationToken);
                    return new EngineConnection(secure, socket);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }
        }
    }

    /// <summary>Writes a request with an optional body.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">The path and query, already escaped.</param>
    /// <param name="contentType">The body's type, or <see langword="null"/> without a body.</param>
    /// <param name="body">The body (read from its position to its end), or <see langword="null"/>.</param>
    /// <param name="upgrade">Whether to ask for the raw stream (<c>Upgrade: tcp</c>) instead of closing after the response.</param>
    /// <param name="cancellationToken">Stops writing.</param>
    /// <returns>A task that completes when the request is written.</returns>
    public async Task SendAsync(string method, string pathAndQuery, string? contentType, Stream? body, bool upgrade, CancellationToken cancellationToken)
    {
        var head = new StringBuilder(256)
            .Append(method).Append(' ').Append(pathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: docker\r\n")
            .Append("User-Agent: gitspaces\r\n")
            .Append(upgrade ? "Connection: Upgrade\r\nUpgrade: tcp\r\n" : "Connection: close\r\n");
        if (body is not null)
        {
            head.Append("Content-Type: ").Append(contentType ?? "application/octet-stream").Append("\r\n")
                .Append("Content-Length: ").Append((body.Length - body.Position).ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }
        else if (method is "POST" or "PUT")
        {
            head.Append("Content-Length: 0\r\n");
        }

        head.Append("\r\n");
        await this.stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        if (body is not null)
        {
            await body.CopyToAsync(this.stream, 81920, cancellationToken);
        }

        await this.stream.FlushAsync(cancellationToken);
    }

    /// <summary>Reads the status line and headers.</summary>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>A task that completes when the head is read.</returns>
    /// <exception cref="IOException">The engine closed the connection or sent something that is not HTTP.</exception>
    public async Task ReadHeadAsync(CancellationToken cancellationToken)
    {
        int headEnd;
        while ((headEnd = this.buffer.AsSpan(this.start, this.end - this.start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (this.end - this.start >= MaxHeadBytes)
            {
                throw new IOException("The Docker engine sent a response head larger than 64 KiB.");
            }

            if (await this.FillAsync(cancellationToken) == 0)
            {
                throw new IOException("The Docker engine closed the connection before it answered.");
            }
        }

        var text = Encoding.ASCII.GetString(this.buffer, this.start, headEnd);
        this.start += headEnd + 4;
        var lines = text.Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            throw new IOException($"The Docker engine answered with something that is not HTTP: {lines[0]}");
        }

        this.StatusCode = code;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                this.Headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }
    }

    /// <summary>Reads the whole response body (by length, chunked, or to the end of the connection).</summary>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The body.</returns>
    public async Task<byte[]> ReadBodyAsync(CancellationToken cancellationToken)
    {
        if (this.StatusCode is 204 or 304)
        {
            return [];
        }

        using var body = new MemoryStream();
        if (this.Headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (true)
            {
                var sizeLine = await this.ReadLineAsync(cancellationToken);
                var semicolon = sizeLine.IndexOf(';', StringComparison.Ordinal);
                var size = int.Parse(semicolon < 0 ? sizeLine : sizeLine[..semicolon], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    return body.ToArray();
                }

                await this.CopyExactlyAsync(body, size, cancellationToken);
                await this.ReadLineAsync(cancellationToken);
            }
        }

        if (this.Headers.TryGetValue("Content-Length", out var lengthText) && long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            await this.CopyExactlyAsync(body, length, cancellationToken);
            return body.ToArray();
        }

        var chunk = new byte[BufferSize];
        int read;
        while ((read = await this.ReadAsync(chunk, cancellationToken)) > 0)
        {
            await body.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return body.ToArray();
    }

    /// <summary>Reads raw bytes after the head: what was buffered first, then the connection.</summary>
    /// <param name="destination">Where to put them.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The count read; 0 at the end of the stream.</returns>
    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (this.end > this.start)
        {
            var count = Math.Min(destination.Length, this.end - this.start);
            this.buffer.AsMemory(this.start, count).CopyTo(destination);
            this.start += count;
            return count;
        }

        return await this.stream.ReadAsync(destination, cancellationToken);
    }

    /// <summary>Writes raw bytes (after an upgrade).</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="cancellationToken">Stops writing.</param>
    /// <returns>A task that completes when they are written.</returns>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken) => this.stream.WriteAsync(source, cancellationToken);

    /// <summary>Tells the other side that nothing more will be written, where the transport can say so (sockets).</summary>
    public void CloseWrite()
    {
        // A TLS stream or a named pipe cannot half-close; the process ends the session by closing instead.
        if (this.socket is { Connected: true } && this.stream is NetworkStream)
        {
            this.socket.Shutdown(SocketShutdown.Send);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => this.stream.Dispose();

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => this.stream.DisposeAsync();

    private async Task<int> FillAsync(CancellationToken cancellationToken)
    {
        if (this.start > 0 && this.start == this.end)
        {
            this.start = this.end = 0;
        }

        if (this.end == this.buffer.Length)
        {
            if (this.start > 0)
            {
                Buffer.BlockCopy(this.buffer, this.start, this.buffer, 0, this.end - this.start);
                this.end -= this.start;
                this.start = 0;
            }
            else
            {
                Array.Resize(ref this.buffer, this.buffer.Length * 2);
            }
        }

        var read = await this.stream.ReadAsync(this.buffer.AsMemory(this.end), cancellationToken);
        this.end += read;
        return read;
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        int lineEnd;
        while ((lineEnd = this.buffer.AsSpan(this.start, this.end - this.start).IndexOf("\r\n"u8)) < 0)
        {
            if (await this.FillAsync(cancellationToken) == 0)
            {
                throw new IOException("The Docker engine closed the connection in the middle of a response.");
            }
        }

        var line = Encoding.ASCII.GetString(this.buffer, this.start, lineEnd);
        this.start += lineEnd + 2;
        return line;
    }

    private async Task CopyExactlyAsync(MemoryStream destination, long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (this.end == this.start && await this.FillAsync(cancellationToken) == 0)
            {
                throw new IOException("The Docker engine closed the connection in the middle of a response.");
            }

            var take = (int)Math.Min(count, this.end - this.start);
            await destination.WriteAsync(this.buffer.AsMemory(this.start, take), cancellationToken);
            this.start += take;
            count -= take;
        }
    }
}
