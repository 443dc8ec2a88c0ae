namespace Gitspaces.Core.State;

/// <summary>
/// An exclusive, cross-process lock on one gitspace: an open lock file in the state directory. Two sidecars (two
/// editors) cannot run operations on the same gitspace at once; the lock disappears with a crashed process.
/// </summary>
public sealed class GitspaceLock : IDisposable
{
    private readonly FileStream stream;

    private GitspaceLock(FileStream stream)
    {
        this.stream = stream;
    }

    /// <summary>Tries to take the lock without waiting.</summary>
    /// <param name="paths">The state directory.</param>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <returns>The held lock, or <see langword="null"/> when another operation holds it.</returns>
    public static GitspaceLock? TryAcquire(StatePaths paths, string provider, string gitspaceId)
    {
        var path = LockPath(paths, provider, gitspaceId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // FileShare.None is an OS-level exclusive lock on Windows and an advisory flock on Unix; both are released
            // by the OS if the process dies, so a killed sidecar never leaves a gitspace locked.
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            return new GitspaceLock(stream);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes a deleted gitspace's lock file, unless an operation holds it right now (then it stays, harmless).
    /// </summary>
    /// <param name="paths">The state directory.</param>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    public static void TryRemove(StatePaths paths, string provider, string gitspaceId)
    {
        var path = LockPath(paths, provider, gitspaceId);
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            // Taking the lock first means no operation loses its lock file under it; the file goes when we let go.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Held by another operation, or already gone.
        }
    }

    /// <inheritdoc/>
    public void Dispose() => this.stream.Dispose();

    private static string LockPath(StatePaths paths, string provider, string gitspaceId) =>
        Path.Combine(paths.DataDirectory, "locks", provider, Sanitize(gitspaceId) + ".lock");

    private static string Sanitize(string id) =>
        new(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
