using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Gitspaces.Protocol;
using Gitspaces.Server.Logging;

namespace Gitspaces.Server.Rpc;

/// <summary>
/// Sits between the client's byte streams and StreamJsonRpc. Incoming frames are checked first: a malformed
/// header, invalid JSON or a message that is not JSON-RPC gets its error answer here and the connection goes on.
/// Outgoing frames from StreamJsonRpc and our own answers are written whole, one at a time, so they never interleave.
/// </summary>
internal sealed class GuardedTransport : IDisposable
{
    /// <summary>
    /// The largest frame body read (docs/protocol.md): every request of the protocol is a few kilobytes, and a larger
    /// body is skipped without being held in memory (a 50 MB body once took the process to 2.8 GB).
    /// </summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;
    private static readonly TimeSpan AnswerGrace = TimeSpan.FromSeconds(10);
    private readonly Stream input;
    private readonly Stream output;
    private readonly ServerLog log;
    private readonly Pipe toRpc = new(new PipeOptions(pauseWriterThreshold: 0));
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly GatedOutputStream fromRpc;
    private readonly PendingRequests pending = new();

    public GuardedTransport(Stream input, Stream output, ServerLog log)
    {
        this.input = input;
        this.output = output;
        this.log = log;
        this.fromRpc = new GatedOutputStream(this.WriteRpcFrameAsync);
        this.RpcOutput = PipeWriter.Create(this.fromRpc, new StreamPipeWriterOptions(leaveOpen: true));
    }

    /// <summary>Gets the pipe StreamJsonRpc reads requests from: only frames that passed the checks reach it.</summary>
    public PipeReader RpcInput => this.toRpc.Reader;

    /// <summary>
    /// Gets the pipe StreamJsonRpc writes responses and notifications to. Each message it flushes goes to the client
    /// as one write, never interleaved with the transport's own error answers.
    /// </summary>
    public PipeWriter RpcOutput { get; }

    /// <summary>Pumps client → server frames until the client closes its end.</summary>
    /// <param name="cancellationToken">Stops the pump.</param>
    /// <returns>A task that completes at the end of input.</returns>
    public async Task PumpInputAsync(CancellationToken cancellationToken)
    {
        var reader = new FrameReader(this.input, MaxBodyBytes);
        try
        {
            while (await reader.ReadAsync(cancellationToken) is { } frame)
            {
                if (frame.HeaderError is { } headerError)
                {
                    this.log.Warn($"rejected a frame: {headerError}");
                    await this.WriteErrorAsync(null, ErrorCodes.ParseError, $"Parse error: {headerError}.", cancellationToken);
                    continue;
                }

                var body = frame.Body!;
                var verdict = FrameValidator.Validate(body);
                switch (verdict.Action)
                {
                    case FrameAction.Forward:
                        if (verdict.ExpectsResponse)
                        {
                            this.pending.Received();
                        }

                        await WriteFrameAsync(this.toRpc.Writer, body, cancellationToken);
                        break;
                    case FrameAction.Ignore:
                        this.log.Warn($"ignored a message: {verdict.Message}");
                        break;
                    default:
                        this.log.Warn($"rejected a message: {verdict.Message}");
                        await this.WriteErrorAsync(verdict.ReplyId, verdict.Code, verdict.Message!, cancellationToken, verdict.Field);
                        break;
                }
            }

            // The client closed its end: answer what it already asked before StreamJsonRpc sees the end of input.
            if (this.pending.Count > 0 && !await this.pending.WaitDrainedAsync(AnswerGrace))
            {
                this.log.Warn($"the client closed its input; {this.pending.Count} request(s) still unanswered after {AnswerGrace.TotalSeconds:0} s");
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            this.log.Debug($"input closed: {ex.Message}");
        }
        finally
        {
            await this.toRpc.Writer.CompleteAsync();
        }
    }

    /// <summary>Waits until every request forwarded so far has been answered, or the time is up.</summary>
    /// <param name="timeout">How long to wait at most.</param>
    /// <returns><see langword="true"/> when nothing is left unanswered.</returns>
    public Task<bool> WaitForAnswersAsync(TimeSpan timeout) => this.pending.WaitDrainedAsync(timeout);

    /// <inheritdoc/>
    public void Dispose()
    {
        this.fromRpc.Dispose();
        this.writeGate.Dispose();
    }

    private static async ValueTask WriteFrameAsync(PipeWriter writer, byte[] body, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(Header(body.Length), cancellationToken);
        await writer.WriteAsync(body, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private static byte[] Header(int length) => Encoding.ASCII.GetBytes($"Content-Length: {length}\r\n\r\n");

    private async Task WriteErrorAsync(JsonElement? id, int code, string message, CancellationToken cancellationToken, string? field = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc", "2.0");
            json.WritePropertyName("id");
            if (id is { } value)
            {
                value.WriteTo(json);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteStartObject("error");
            json.WriteNumber("code", code);
            json.WriteString("message", message);
            json.WriteStartObject("data");
            json.WriteString("kind", ErrorCodes.NameOf(code));
            if (field is not null)
            {
                json.WriteString("field", field);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        var body = buffer.ToArray();
        var header = Header(body.Length);
        var frame = new byte[header.Length + body.Length];
        header.CopyTo(frame, 0);
        body.CopyTo(frame, header.Length);
        await this.WriteToClientAsync(frame, cancellationToken);
    }

    private async Task WriteRpcFrameAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        var isResponse = OutgoingFrame.IsResponse(frame.Span);
        try
        {
            await this.WriteToClientAsync(frame, cancellationToken);
        }
        finally
        {
            if (isResponse)
            {
                this.pending.Answered();
            }
        }
    }

    private async Task WriteToClientAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        await this.writeGate.WaitAsync(cancellationToken);
        try
        {
            await this.output.WriteAsync(frame, cancellationToken);
            await this.output.FlushAsync(cancellationToken);
        }
        finally
        {
            this.writeGate.Release();
        }
    }
}
