using System.Text;
using Gitspaces.Docker.Engine;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// A duplex stream over an attached exec of <c>sshd -i</c> (or of the port helper): writes go to its stdin, reads come
/// from its stdout frames; stderr frames go to the sidecar's log and never into the byte stream.
/// </summary>
internal sealed class SshExecStream : Stream, Gitspaces.Core.Ports.IHalfClosable
{
    private readonly EngineExecStream inner;
    private readonly Action<string>? log;
    private readonly string logPrefix;
    private bool disposed;

    /// <summary>Initializes a new instance of the <see cref="SshExecStream"/> class.</summary>
    /// <param name="inner">The attached exec.</param>
    /// <param name="log">Receives sshd's stderr lines.</param>
    /// <param name="logPrefix">What each stderr line starts with in the log.</param>
    public SshExecStream(EngineExecStream inner, Action<string>? log, string logPrefix = "sshd: ")
    {
        this.inner = inner;
        this.log = log;
        this.logPrefix = logPrefix;
    }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var (count, fromStandardError) = await this.inner.ReadOutputAsync(buffer, cancellationToken);
            if (count == 0)
            {
                return 0;
            }

            if (fromStandardError)
            {
                this.log?.Invoke(this.logPrefix + Encoding.UTF8.GetString(buffer.Span[..count]).TrimEnd());
                continue;
            }

            return count;
        }
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The SSH channel is asynchronous; use ReadAsync.");

    /// <inheritdoc/>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.inner.WriteInputAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        this.inner.WriteInputAsync(buffer, cancellationToken);

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The SSH channel is asynchronous; use WriteAsync.");

    /// <inheritdoc/>
    public void CloseWrite()
    {
        try
        {
            this.inner.CloseWrite();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            // The other side is already gone; nothing is left to close.
        }
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !this.disposed)
        {
            this.disposed = true;
            try
            {
                this.inner.CloseWrite();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                // The other side is already gone; nothing is left to close.
            }

            this.inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
