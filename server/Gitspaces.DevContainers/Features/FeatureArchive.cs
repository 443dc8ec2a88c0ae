using System.Formats.Tar;
using System.IO.Compression;

namespace Gitspaces.DevContainers.Features;

/// <summary>Extracts a Feature tarball (plain or gzip) into a folder, refusing entries that would land outside it.</summary>
public static class FeatureArchive
{
    /// <summary>Extracts <paramref name="archive"/> into <paramref name="destination"/> (created when missing). Links are skipped.</summary>
    /// <param name="archive">The tar stream, gzip-compressed or not (seekable or buffered by the caller).</param>
    /// <param name="destination">The folder to extract into.</param>
    /// <param name="cancellationToken">Cancels extraction.</param>
    /// <exception cref="InvalidDataException">An entry's path leaves <paramref name="destination"/>.</exception>
    public static async Task ExtractAsync(Stream archive, string destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var root = Path.GetFullPath(destination);
        Directory.CreateDirectory(root);
        var buffered = new BufferedStream(archive, 4096);
        var magic = new byte[2];
        var peeked = buffered.CanSeek ? await buffered.ReadAsync(magic, cancellationToken).ConfigureAwait(false) : 0;
        Stream tarStream = buffered;
        if (buffered.CanSeek)
        {
            buffered.Seek(-peeked, SeekOrigin.Current);
            if (peeked == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            {
                tarStream = new GZipStream(buffered, CompressionMode.Decompress);
            }
        }

        await using var reader = new TarReader(tarStream, leaveOpen: false);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            var target = Path.GetFullPath(Path.Combine(root, entry.Name));
            if (!WorkspaceLayout.IsInside(target, root))
            {
                throw new InvalidDataException($"The Feature archive entry \"{entry.Name}\" would be written outside {root}.");
            }

            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(target);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await entry.ExtractToFileAsync(target, overwrite: true, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }
}
