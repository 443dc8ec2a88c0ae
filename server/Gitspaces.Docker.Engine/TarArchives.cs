using System.Formats.Tar;
using System.Text;

namespace Gitspaces.Docker.Engine;

/// <summary>Builds and reads the tar streams the engine's archive API takes and returns.</summary>
public static class TarArchives
{
    private const UnixFileMode DefaultDirectoryMode = (UnixFileMode)0b111_101_101;
    private const UnixFileMode DefaultFileMode = (UnixFileMode)0b110_100_100;

    /// <summary>Writes a folder tree as a tar, every entry owned by the given ids, into a temporary file that deletes itself on close.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="uid">The owner's user id in the container.</param>
    /// <param name="gid">The owner's group id in the container.</param>
    /// <param name="cancellationToken">Stops writing.</param>
    /// <param name="ignore">The build context's <c>.dockerignore</c> rules; everything is written when null.</param>
    /// <returns>The tar, positioned at its start.</returns>
    public static Stream FromFolder(string folder, int uid, int gid, CancellationToken cancellationToken, DockerIgnore? ignore = null) =>
        FromFolderAndFiles(folder, "/", uid, gid, [], cancellationToken, ignore);

    /// <summary>
    /// Writes a folder tree at a path of the container and some files besides, as one tar to extract at <c>/</c>, into
    /// a temporary file that deletes itself on close: one upload instead of one per destination.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <param name="target">Where the folder goes in the container (absolute; <c>/</c> for an archive extracted there).</param>
    /// <param name="uid">The owner's user id in the container, for the folder's entries.</param>
    /// <param name="gid">The owner's group id in the container, for the folder's entries.</param>
    /// <param name="files">Other files, relative to <c>/</c>.</param>
    /// <param name="cancellationToken">Stops writing.</param>
    /// <param name="ignore">The build context's <c>.dockerignore</c> rules; everything is written when null.</param>
    /// <returns>The tar, positioned at its start.</returns>
    public static Stream FromFolderAndFiles(string folder, string target, int uid, int gid, IEnumerable<ArchiveFile> files, CancellationToken cancellationToken, DockerIgnore? ignore = null)
    {
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        using (var writer = new TarWriter(temp, TarEntryFormat.Pax, leaveOpen: true))
        {
            var prefix = target.Trim('/') is { Length: > 0 } relative ? relative + "/" : string.Empty;
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, prefix.Length == 0 ? "./" : prefix) { Uid = uid, Gid = gid, Mode = ModeOf(folder, DefaultDirectoryMode) });
            AddTree(writer, folder, prefix, prefix, uid, gid, ignore, cancellationToken);
            AddFiles(writer, files);
        }

        temp.Position = 0;
        return temp;
    }

    /// <summary>Writes files (and their folders) as a tar in memory.</summary>
    /// <param name="files">Each file's path (relative, forward slashes), contents, mode and owner.</param>
    /// <returns>The tar, positioned at its start.</returns>
    public static MemoryStream FromFiles(IEnumerable<ArchiveFile> files)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            AddFiles(writer, files);
        }

        stream.Position = 0;
        return stream;
    }

    private static void AddFiles(TarWriter writer, IEnumerable<ArchiveFile> files)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var parts = file.Path.Split('/');
            for (var i = 1; i < parts.Length; i++)
            {
                var folder = string.Join('/', parts[..i]) + "/";
                if (folders.Add(folder))
                {
                    writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, folder) { Mode = DefaultDirectoryMode });
                }
            }

            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, file.Path)
            {
                Mode = file.Mode,
                Uid = file.Uid,
                Gid = file.Gid,
                DataStream = new MemoryStream(file.Contents),
            });
        }
    }

    /// <summary>Reads the first regular file of a tar as text.</summary>
    /// <param name="tar">The tar.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The text, or <see langword="null"/> when the tar has no file.</returns>
    public static async Task<string?> ReadFirstFileAsync(Stream tar, CancellationToken cancellationToken)
    {
        await using var reader = new TarReader(tar, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data)
            {
                using var text = new StreamReader(data, Encoding.UTF8);
                return await text.ReadToEndAsync(cancellationToken);
            }
        }

        return null;
    }

    /// <summary>
    /// Copies an archive the engine sends into memory. Docker.DotNet's chunked reader throws at the end of some
    /// archive responses instead of returning 0; the bytes before that are complete.
    /// </summary>
    /// <param name="response">The engine's archive stream.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The archive, positioned at its start.</returns>
    public static async Task<MemoryStream> BufferAsync(Stream response, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await response.ReadAsync(chunk, cancellationToken)) > 0)
            {
                await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            }
        }
        catch (EndOfStreamException)
        {
            // The end of the response, reported as an error by the chunked reader.
        }

        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Extracts a tar into a folder on this machine (for files copied out of a container).</summary>
    /// <param name="tar">The tar.</param>
    /// <param name="destination">The folder.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>A task that completes when extracted.</returns>
    public static Task ExtractAsync(Stream tar, string destination, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(destination);
        return TarFile.ExtractToDirectoryAsync(tar, destination, overwriteFiles: true, cancellationToken);
    }

    private static void AddTree(TarWriter writer, string folder, string prefix, string rootPrefix, int uid, int gid, DockerIgnore? ignore, CancellationToken cancellationToken)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = prefix + entry.Name;
            if (ignore?.IsExcluded(name[rootPrefix.Length..]) == true)
            {
                // An excluded folder is still walked when a "!" pattern may bring back something inside it.
                if (entry is DirectoryInfo { LinkTarget: null } excluded && ignore.HasExceptions)
                {
                    AddTree(writer, excluded.FullName, name + "/", rootPrefix, uid, gid, ignore, cancellationToken);
                }

                continue;
            }

            if (entry.LinkTarget is { } link)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = link, Uid = uid, Gid = gid, Mode = DefaultDirectoryMode | UnixFileMode.OtherWrite | UnixFileMode.GroupWrite });
            }
            else if (entry is DirectoryInfo directory)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name + "/") { Uid = uid, Gid = gid, Mode = ModeOf(directory.FullName, DefaultDirectoryMode) });
                AddTree(writer, directory.FullName, name + "/", rootPrefix, uid, gid, ignore, cancellationToken);
            }
            else
            {
                using var data = new FileStream(entry.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { Uid = uid, Gid = gid, Mode = ModeOf(entry.FullName, DefaultFileMode), DataStream = data });
            }
        }
    }

    private static UnixFileMode ModeOf(string path, UnixFileMode fallback)
    {
        if (OperatingSystem.IsWindows())
        {
            return fallback;
        }

        // Keep the executable bits git checked out; drop write for group and others as git does.
        var mode = File.GetUnixFileMode(path);
        return (mode | UnixFileMode.UserRead | UnixFileMode.UserWrite) & ~(UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
    }
}
