using System.Buffers;
using System.Globalization;
using System.Text;

namespace Gitspaces.Server.Rpc;

/// <summary>
/// Reads LSP base-protocol frames (<c>Content-Length: N\r\n\r\n</c> + N bytes) from a stream. A malformed header is
/// reported, not thrown, so that the server can answer it and go on with the next frame.
/// </summary>
internal sealed class FrameReader
{
    private const int MaxHeaderBytes = 8 * 1024;
    private readonly Stream stream;
    private readonly int maxBodyBytes;
    private readonly byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private bool skippingHeader;

    public FrameReader(Stream stream, int maxBodyBytes)
    {
        this.stream = stream;
        this.maxBodyBytes = maxBodyBytes;
    }

    /// <summary>Reads the next frame.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The frame, or <see langword="null"/> at the end of the stream.</returns>
    public async ValueTask<Frame?> ReadAsync(CancellationToken cancellationToken)
    {
        if (this.skippingHeader)
        {
            this.skippingHeader = false;
            if (!await this.SkipPastHeaderEndAsync(cancellationToken))
            {
                return null;
            }
        }

        // Find the blank line that ends the header block.
        int headerEnd;
        while ((headerEnd = this.IndexOfHeaderEnd()) < 0)
        {
            if (this.end - this.start >= MaxHeaderBytes)
            {
                // Answered now (the blank line may never come); the next read skips to that blank line, however far,
                // since the next frame starts after it and bytes of it already read must not be thrown away.
                this.start = Math.Max(this.start, this.end - 3);
                this.skippingHeader = true;
                return new Frame(null, $"the frame header is longer than {MaxHeaderBytes} bytes or has no blank line after it");
            }

            if (!await this.FillAsync(cancellationToken))
            {
                return null;
            }
        }

        var header = Encoding.ASCII.GetString(this.buffer, this.start, headerEnd - this.start);
        this.start = headerEnd + 4;
        var (length, error) = ParseHeader(header);
        if (error is not null)
        {
            // With a usable length the body is skipped too, so the next frame is read from its start.
            await this.SkipAsync(length, cancellationToken);
            return new Frame(null, error);
        }

        if (length > this.maxBodyBytes)
        {
            await this.SkipAsync(length, cancellationToken);
            return new Frame(null, $"the frame body of {length} bytes is larger than the limit of {this.maxBodyBytes} bytes");
        }

        var body = new byte[length];
        var copied = 0;
        while (copied < length)
        {
            if (this.start == this.end && !await this.FillAsync(cancellationToken))
            {
                return null;
            }

            var n = Math.Min(length - copied, this.end - this.start);
            Buffer.BlockCopy(this.buffer, this.start, body, copied, n);
            this.start += n;
            copied += n;
        }

        return new Frame(body, null);
    }

    private static (int Length, string? Error) ParseHeader(string header)
    {
        int? length = null;
        string? contentTypeError = null;
        foreach (var line in header.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return (0, $"the frame header line '{Printable(line)}' is not 'Name: value'");
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    return (0, $"Content-Length '{Printable(value)}' is not a non-negative whole number");
                }

                length = parsed;
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
                && !value.Contains("utf-8", StringComparison.OrdinalIgnoreCase) && !value.Contains("utf8", StringComparison.OrdinalIgnoreCase))
            {
                contentTypeError = $"Content-Type '{Printable(value)}' is not UTF-8 JSON";
            }
        }

        return length is { } l ? (l, contentTypeError) : (0, "the frame header has no Content-Length");
    }

    private static string Printable(string text) =>
        new(text.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private int IndexOfHeaderEnd()
    {
        var span = this.buffer.AsSpan(this.start, this.end - this.start);
        var index = span.IndexOf("\r\n\r\n"u8);
        return index < 0 ? -1 : this.start + index;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (this.start > 0)
        {
            Buffer.BlockCopy(this.buffer, this.start, this.buffer, 0, this.end - this.start);
            this.end -= this.start;
            this.start = 0;
        }

        var read = await this.stream.ReadAsync(this.buffer.AsMemory(this.end), cancellationToken);
        this.end += read;
        return read > 0;
    }

    private async ValueTask<bool> SkipPastHeaderEndAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var headerEnd = this.IndexOfHeaderEnd();
            if (headerEnd >= 0)
            {
                this.start = headerEnd + 4;
                return true;
            }

            // Keep the last three bytes: the blank line may straddle two reads.
            this.start = Math.Max(this.start, this.end - 3);
            if (!await this.FillAsync(cancellationToken))
            {
                return false;
            }
        }
    }

    private async ValueTask SkipAsync(int length, CancellationToken cancellationToken)
    {
        var remaining = length;
        while (remaining > 0)
        {
            if (this.start == this.end && !await this.FillAsync(cancellationToken))
            {
                return;
            }

            var n = Math.Min(remaining, this.end - this.start);
            this.start += n;
            remaining -= n;
        }
    }
}
