namespace Gitspaces.DevContainers.Files;

/// <summary>
/// Reads a repository's configuration files safely. A repository is someone else's content: a file in it may be a
/// symbolic link to <c>/dev/stdin</c> (which would consume the sidecar's JSON-RPC input), to a FIFO (which blocks the
/// reader forever), to <c>/dev/zero</c> (which never ends) or to a secret of this machine. So every path is resolved
/// link by link, must stay inside the repository, must be a file, and is read up to a size limit only.
/// </summary>
public static class RepositoryFiles
{
    private const int MaxLinks = 40;

    /// <summary>
    /// Resolves every symbolic link in a path, component by component as the kernel does (a <c>..</c> after a link
    /// goes up from the link's target, not from the link). Components that do not exist are kept as written.
    /// </summary>
    /// <param name="path">The path, absolute or relative to the current folder.</param>
    /// <returns>The absolute path with no link left in it.</returns>
    /// <exception cref="IOException">The links loop (more than 40 of them).</exception>
    public static string RealPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Split(full[root.Length..]).Reverse());
        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"Too many symbolic links in {path}.");
            }

            // The target's own components are resolved like the rest: a lexical normalization of "link/../x" would
            // land elsewhere than the kernel does.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }

            foreach (var component in Split(target).Reverse())
            {
                pending.Push(component);
            }
        }

        return current;
    }

    /// <summary>Tells whether a path, once its links are resolved, lies inside a folder (whose links are resolved too).</summary>
    /// <param name="path">The path.</param>
    /// <param name="folder">The folder (usually the repository root).</param>
    /// <returns>Whether it does.</returns>
    public static bool IsInside(string path, string folder) => WorkspaceLayout.IsInside(RealPath(path), RealPath(folder));

    /// <summary>Reads a file of a repository, refusing what a configuration file must not be.</summary>
    /// <param name="repositoryRoot">The repository (or workspace) root the file must stay inside.</param>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The largest file read.</param>
    /// <returns>The file's bytes.</returns>
    /// <exception cref="RepositoryFileException">The file is missing, leads outside the repository, is not a file, or is too large.</exception>
    public static byte[] Read(string repositoryRoot, string path, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        ArgumentNullException.ThrowIfNull(path);
        string real;
        try
        {
            real = RealPath(path);
            if (!WorkspaceLayout.IsInside(real, RealPath(repositoryRoot)))
            {
                var link = new FileInfo(path).LinkTarget;
                var via = link is null || link == real ? string.Empty : $" (through the symbolic link to {link})";
                throw new RepositoryFileException(DiagnosticCodes.PathOutsideRepository, $"{path} leads to {real}{via}, outside the repository; a configuration file must be the repository's own.");
            }

            if (Directory.Exists(real))
            {
                throw new RepositoryFileException(DiagnosticCodes.ReadFailed, $"{path} is a folder, not a file.");
            }

            var info = new FileInfo(real);
            if (!info.Exists)
            {
                throw new RepositoryFileException(DiagnosticCodes.ConfigNotFound, $"{path} does not exist.");
            }

            if (info.Length > maxBytes)
            {
                throw new RepositoryFileException(DiagnosticCodes.FileTooLarge, $"{path} is {info.Length} bytes; files over {maxBytes} bytes are not read.");
            }

            // FIFOs, devices and /proc files report no size: a regular file of no bytes reads the same, so they are
            // never opened (opening a FIFO blocks until someone writes to it).
            if (info.Length == 0)
            {
                return [];
            }

            // Read no more than the size stat reported: a file that grows meanwhile is cut, not followed.
            var buffer = new byte[info.Length];
            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
            var read = 0;
            while (read < buffer.Length)
            {
                var n = stream.Read(buffer, read, buffer.Length - read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return read == buffer.Length ? buffer : buffer[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not RepositoryFileException)
        {
            throw new RepositoryFileException(DiagnosticCodes.ReadFailed, $"{path} could not be read: {e.Message}", e);
        }
    }

    private static string[] Split(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
