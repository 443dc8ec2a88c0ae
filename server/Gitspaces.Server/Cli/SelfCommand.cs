namespace Gitspaces.Server.Cli;

/// <summary>
/// How a person runs this program again from their shell: <c>gitspaces</c> when that name on PATH is this program,
/// otherwise its full path (quoted when needed), so a printed next step works when pasted.
/// </summary>
internal static class SelfCommand
{
    /// <summary>Returns the command for this process's program.</summary>
    /// <param name="programPath">The running program (<see cref="Environment.ProcessPath"/>).</param>
    /// <param name="path">The PATH variable.</param>
    /// <returns><c>gitspaces</c>, or the program's path.</returns>
    public static string For(string? programPath, string? path)
    {
        if (programPath is null || !Path.GetFileNameWithoutExtension(programPath).Equals("gitspaces", StringComparison.OrdinalIgnoreCase))
        {
            // Run through `dotnet gitspaces.dll` (tests) or renamed: the name is still the documented one.
            return "gitspaces";
        }

        var self = Path.GetFullPath(programPath);
        foreach (var folder in (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, Path.GetFileName(self));
            if (File.Exists(candidate))
            {
                var resolved = new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(candidate);
                return resolved == self ? "gitspaces" : Quote(self);
            }
        }

        return Quote(self);
    }

    private static string Quote(string path) =>
        path.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '`' or '\\' && !OperatingSystem.IsWindows()) ? "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'" : path;
}
