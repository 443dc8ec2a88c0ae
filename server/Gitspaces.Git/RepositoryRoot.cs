namespace Gitspaces.Git;

/// <summary>
/// Finds the repository a folder is in, as git does: the nearest folder up from it that holds <c>.git</c> (a folder, or
/// the file a worktree or submodule has), or the folder itself when it is a bare repository. libgit2's own discovery is
/// not used: LibGit2Sharp passes its output buffer as a class, which Native AOT marshals one way only, so the path it
/// finds never comes back and every folder looks like no repository.
/// </summary>
public static class RepositoryRoot
{
    /// <summary>Finds the repository a folder is in.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The working tree's root (or the bare repository), absolute and without a trailing separator; <see langword="null"/> in no repository.</returns>
    public static string? Find(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (IsBare(full))
        {
            return full;
        }

        for (var current = full; current is not null; current = Path.GetDirectoryName(current))
        {
            var dotGit = Path.Combine(current, ".git");
            if (Directory.Exists(dotGit) || File.Exists(dotGit))
            {
                return current;
            }
        }

        return null;
    }

    private static bool IsBare(string folder) =>
        !Directory.Exists(Path.Combine(folder, ".git"))
        && File.Exists(Path.Combine(folder, "HEAD"))
        && Directory.Exists(Path.Combine(folder, "objects"))
        && Directory.Exists(Path.Combine(folder, "refs"));
}
