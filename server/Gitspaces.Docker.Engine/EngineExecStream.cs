using System.Buffers.Binary;

namespace Gitspaces.Docker.Engine;

/// <summary>
/// An attached exec or container without a terminal: the engine frames stdout and stderr (an 8-byte header with the stream and the
/// length, then the bytes); stdin goes in raw.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is the engine's stream of an exec; not a System.IO.Stream because each read also says which of stdout and stderr it came from.")]
public sealed class EngineExecStream : IAsyncDisposable, IDisposable
{
    private const int StandardErrorKind = 2;
    private readonly EngineConnection connection;
    private readonly byte[] header = new byte[8];
    private int remaining;
    private bool currentIsError;

    /// <summary>Initializes a new instance of the <see cref="EngineExecStream"/> class.</summary>
    /// <param name="connection">The upgraded connection.</param>
    internal EngineExecStream(EngineConnection connection)
    {
        this.connection = connection;
    }

    /// <summary>Reads the next output bytes.</summary>
    /// <param name="destination">Where to put them.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>How many bytes were read (0 at the end) and whether they came from stderr.</returns>
    public async ValueTask<(int Count, bool FromStandardError)> ReadOutputAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (this.remaining == 0)
        {
            var filled = 0;
            while (filled < this.header.Length)
            {
                var read = await this.connection.ReadAsync(this.header.AsMemory(filled), cancellationToken);
                if (read == 0)
                {
                    // The end of the stream between frames is the normal end; inside a header it is a cut connection.
                    return filled == 0 ? (0, false) : throw new IOException("The Docker engine ended an exec stream in the middle of a frame.");
                }

                filled += read;
            }

            this.currentIsError = this.header[0] == StandardErrorKind;
            this.remaining = (int)BinaryPrimitives.ReadUInt32BigEndian(this.header.AsSpan(4));
        }

        var count = await this.connection.ReadAsync(destination[..Math.Min(destination.Length, this.remaining)], cancellationToken);
        if (count == 0)
        {
            throw new IOException("The Docker engine ended an exec stream in the middle of a frame.");
        }

        this.remaining -= count;
        return (count, this.currentIsError);
    }

    /// <summary>Writes to the process's stdin.</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="cancellationToken">Stops writing.</param>
    /// <returns>A task that completes when they are written.</returns>
    public ValueTask WriteInputAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken) => this.connection.WriteAsync(source, cancellationToken);

    /// <summary>Closes the process's stdin where the transport allows it.</summary>
    public void CloseWrite() => this.connection.CloseWrite();

    /// <inheritdoc/>
    public void Dispose() => this.connection.Dispose();

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => this.connection.DisposeAsync();
}
