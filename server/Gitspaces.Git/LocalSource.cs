using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using LibGit2Sharp;

namespace Gitspaces.Git;

/// <summary>
/// A folder on this machine that a gitspace is made from, placed in its repository. A folder inside a repository is
/// the repository with the folder as the workspace (its files and its configuration), as VS Code's Dev Containers and
/// the reference CLI mount the git root; a folder in no repository, or one the enclosing repository does not track
/// (a new folder not committed yet, a project under a home folder kept in git), is copied as it is.
/// </summary>
/// <param name="Root">The repository's working tree (or the bare repository), or the folder itself when it is copied.</param>
/// <param name="Subfolder">The folder relative to <paramref name="Root"/> with forward slashes, or <see langword="null"/> for the root.</param>
/// <param name="IsRepository">Whether <paramref name="Root"/> is cloned (else it is copied).</param>
/// <param name="Reason">Why a folder inside a repository is copied instead, for the log; <see langword="null"/> otherwise.</param>
public sealed record LocalSource(string Root, string? Subfolder, bool IsRepository, string? Reason)
{
    /// <summary>Places a local folder.</summary>
    /// <param name="folder">The folder the user pointed at; it exists.</param>
    /// <param name="homeFolder">The user's home folder, which is never copied whole.</param>
    /// <returns>Where it is in its repository.</returns>
    /// <exception cref="GitspaceException">InvalidParams for a folder that would be copied but is a file system root or the home folder.</exception>
    public static LocalSource Locate(string folder, string? homeFolder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        string? reason = null;
        if (RepositoryRoot.Find(full) is { } root)
        {
            if (string.Equals(root, full, PathComparison))
            {
                return new LocalSource(full, null, true, null);
            }

            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');

            // A clone holds what is committed: a folder with nothing committed would arrive empty.
            bool tracked;
            try
            {
                using var repository = new Repository(root);
                tracked = repository.Index.Any(e => e.Path.Replace('\\', '/').StartsWith(relative + "/", PathComparison));
            }
            catch (LibGit2SharpException)
            {
                tracked = false;
            }

            if (tracked)
            {
                return new LocalSource(root, relative, true, null);
            }

            reason = $"{full} is inside the git repository {root}, which tracks nothing in it yet, so it is copied as it is";
        }

        if (Path.GetPathRoot(full) is { } fileSystemRoot && string.Equals(Path.TrimEndingDirectorySeparator(fileSystemRoot), full, PathComparison))
        {
            throw NotCopied(full, "is the root of a file system");
        }

        if (homeFolder is { Length: > 0 } && string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(homeFolder)), full, PathComparison))
        {
            throw NotCopied(full, "is your home folder");
        }

        return new LocalSource(full, null, false, reason);
    }

    private static StringComparison PathComparison => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static GitspaceException NotCopied(string folder, string what) =>
        new(ErrorCodes.InvalidParams, $"{folder} {what}: a folder that is not in a git repository is copied into the gitspace whole, and this one is not copied.", new ErrorData
        {
            Kind = nameof(ErrorCodes.InvalidParams),
            Field = "$.repository.url",
            Hint = "Point at the project's own folder, or make it a repository (`git init`, `git add`, `git commit`) and point at that.",
        });
}
