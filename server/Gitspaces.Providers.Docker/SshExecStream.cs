using System.Text;
using Docker.DotNet;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// A duplex stream over an attached exec of <c>sshd -i</c>: writes go to its stdin, reads come from its stdout frames;
/// stderr frames go to the sidecar's log and never into the SSH byte stream.
/// </summary>
internal sealed class SshExecStream : Stream
{
    private readonly MultiplexedStream inner;
    private readonly Action<string>? log;
    private bool disposed;

    /// <summary>Initializes a new instance of the <see cref="SshExecStream"/> class.</summary>
    /// <param name="inner">The attached exec.</param>
    /// <param name="log">Receives sshd's stderr lines.</param>
    public SshExecStream(MultiplexedStream inner, Action<string>? log)
    {
        this.inner = inner;
        this.log = log;
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
        var array = new byte[buffer.Length];
        while (true)
        {
            var result = await this.inner.ReadOutputAsync(array, 0, array.Length, cancellationToken);
            if (result.EOF)
            {
                return 0;
            }

            if (result.Target == MultiplexedStream.TargetStream.StandardError)
            {
                this.log?.Invoke("sshd: " + Encoding.UTF8.GetString(array, 0, result.Count).TrimEnd());
                continue;
            }

            array.AsSpan(0, result.Count).CopyTo(buffer.Span);
            return result.Count;
        }
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The SSH channel is asynchronous; use ReadAsync.");

    /// <inheritdoc/>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.inner.WriteAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc/>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var array = buffer.ToArray();
        await this.inner.WriteAsync(array, 0, array.Length, cancellationToken);
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The SSH channel is asynchronous; use WriteAsync.");

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
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The other side is already gone; nothing is left to close.
            }

            this.inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
