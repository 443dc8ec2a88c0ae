using System.Diagnostics;

namespace Gitspaces.Ssh.Tests.Support;

/// <summary>A duplex stream over a child process: writes go to its stdin, reads come from its stdout.</summary>
internal sealed class ProcessChannelStream : Stream
{
    private readonly Process process;
    private readonly Stream input;
    private readonly Stream output;

    public ProcessChannelStream(ProcessStartInfo start)
    {
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        this.process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
        this.input = this.process.StandardInput.BaseStream;
        this.output = this.process.StandardOutput.BaseStream;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => this.output.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => this.output.ReadAsync(buffer, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => this.input.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => this.input.WriteAsync(buffer, cancellationToken);

    public override void Flush() => this.input.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => this.input.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                this.input.Dispose();
            }
            catch (IOException)
            {
                // The process already closed its end.
            }

            if (!this.process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                this.process.Kill(entireProcessTree: true);
            }

            this.process.Dispose();
        }

        base.Dispose(disposing);
    }
}
