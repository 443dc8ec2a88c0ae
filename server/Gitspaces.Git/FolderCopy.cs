namespace Gitspaces.Git;

/// <summary>
/// Copies a folder that is not a git repository into a gitspace's clone folder, where a clone would be. Links are
/// copied as links (never followed: a link to the rest of the disk stays a link), so what the gitspace gets is what
/// a bind of the folder would show.
/// </summary>
public static class FolderCopy
{
    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/>, replacing it.</summary>
    /// <param name="source">The folder, absolute.</param>
    /// <param name="destination">Where the copy goes.</param>
    /// <param name="observer">Receives progress; nothing is reported when null.</param>
    /// <param name="cancellationToken">Stops the copy; the partial copy is removed.</param>
    /// <returns>The copy, with no branch and no commit.</returns>
    public static async Task<ClonedRepository> CopyAsync(string source, string destination, ICloneObserver? observer, CancellationToken cancellationToken)
    {
        RepositoryFolder.Delete(destination);
        try
        {
            var (files, bytes) = await Task.Run(() => Copy(source, destination, observer, cancellationToken), cancellationToken).ConfigureAwait(false);
            observer?.Log("system", $"Copied {source}: {files} files, {bytes / (1024.0 * 1024.0):0.#} MiB (not a git repository, so as it is now)");
        }
        catch
        {
            RepositoryFolder.Delete(destination);
            throw;
        }

        return new ClonedRepository(destination, source, null, string.Empty);
    }

    private static (long Files, long Bytes) Copy(string source, string destination, ICloneObserver? observer, CancellationToken cancellationToken)
    {
        long files = 0;
        long bytes = 0;
        var pending = new Stack<(DirectoryInfo From, string To)>();
        pending.Push((new DirectoryInfo(source), destination));
        while (pending.Count > 0)
        {
            var (from, to) = pending.Pop();
            Directory.CreateDirectory(to);
            foreach (var entry in from.EnumerateFileSystemInfos())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var target = Path.Combine(to, entry.Name);
                if (entry.LinkTarget is { } link)
                {
                    if (entry is DirectoryInfo)
                    {
                        Directory.CreateSymbolicLink(target, link);
                    }
                    else
                    {
                        File.CreateSymbolicLink(target, link);
                    }
                }
                else if (entry is DirectoryInfo directory)
                {
                    pending.Push((directory, target));
                }
                else if (entry is FileInfo file)
                {
                    file.CopyTo(target);
                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(target, File.GetUnixFileMode(file.FullName));
                    }

                    files++;
                    bytes += file.Length;
                    if (files % 500 == 0)
                    {
                        observer?.Progress($"Copying {source}: {files} files", null);
                    }
                }
            }
        }

        return (files, bytes);
    }
}
