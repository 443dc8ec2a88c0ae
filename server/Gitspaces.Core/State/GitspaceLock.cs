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
        var directory = Path.Combine(paths.DataDirectory, "locks", provider);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Sanitize(gitspaceId) + ".lock");
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

    /// <inheritdoc/>
    public void Dispose() => this.stream.Dispose();

    private static string Sanitize(string id) =>
        new(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
