namespace Gitspaces.DevContainers;

/// <summary>Host-side folders as the reference computes them (<c>workspaceFromPath</c>, the git root lookup).</summary>
internal static class WorkspaceLayout
{
    /// <summary>Makes the workspace folder absolute, without a trailing separator; a <c>.code-workspace</c> file stands for its folder.</summary>
    public static string ResolveWorkspaceFolder(string workspaceFolder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workspaceFolder));
        return full.EndsWith(".code-workspace", StringComparison.Ordinal) ? Path.GetDirectoryName(full) ?? full : full;
    }

    /// <summary>
    /// The root of the git working tree holding <paramref name="folder"/>, or null. The reference asks
    /// <c>git rev-parse --show-cdup</c>; walking up to a <c>.git</c> folder or file gives the same answer without a process.
    /// </summary>
    public static string? FindGitRoot(string folder)
    {
        for (var current = folder; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            var git = Path.Combine(current, ".git");
            if (Directory.Exists(git) ? File.Exists(Path.Combine(git, "HEAD")) : File.Exists(git))
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>Tells whether <paramref name="path"/> is <paramref name="folder"/> or inside it (both absolute and normalized).</summary>
    public static bool IsInside(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var root = Path.TrimEndingDirectorySeparator(folder);
        if (Path.EndsInDirectorySeparator(root))
        {
            return path.StartsWith(root, comparison);
        }

        return path.Equals(root, comparison)
            || (path.StartsWith(root, comparison) && path.Length > root.Length && (path[root.Length] == Path.DirectorySeparatorChar || path[root.Length] == Path.AltDirectorySeparatorChar));
    }
}
