namespace Gitspaces.Server.Rpc;

/// <summary>
/// The stream StreamJsonRpc writes its frames to. It keeps what is written until the flush that ends each message,
/// then hands the whole frame to the client's stream in one gated write, so that a frame of StreamJsonRpc's and an
/// error answer of the transport's never interleave.
/// </summary>
internal sealed class GatedOutputStream : Stream
{
    private readonly Func<ReadOnlyMemory<byte>, CancellationToken, Task> writeFrame;
    private readonly MemoryStream pending = new();

    /// <summary>Initializes a new instance of the <see cref="GatedOutputStream"/> class.</summary>
    /// <param name="writeFrame">Writes whole frames to the client, one at a time.</param>
    public GatedOutputStream(Func<ReadOnlyMemory<byte>, CancellationToken, Task> writeFrame)
    {
        this.writeFrame = writeFrame;
    }

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => this.pending.Write(buffer, offset, count);

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer) => this.pending.Write(buffer);

    /// <inheritdoc/>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        this.pending.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        this.pending.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Not supported: frames go out on <see cref="FlushAsync(CancellationToken)"/>, the only flush the pipe writer calls.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override void Flush() => throw new NotSupportedException("Frames are written on FlushAsync.");

    /// <inheritdoc/>
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (this.pending.Length == 0)
        {
            return;
        }

        var frame = this.pending.GetBuffer().AsMemory(0, (int)this.pending.Length);
        try
        {
            await this.writeFrame(frame, cancellationToken);
        }
        finally
        {
            this.pending.SetLength(0);
        }
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            this.pending.Dispose();
        }

        base.Dispose(disposing);
    }
}
