namespace Gitspaces.Core.State;

/// <summary>
/// Where the sidecar keeps per-user files. <c>GITSPACES_HOME</c> overrides everything (tests run isolated with
/// it); otherwise data follows the platform's conventions (XDG on Linux) and honours <c>HOME</c>.
/// </summary>
public sealed class StatePaths
{
    /// <summary>Initializes a new instance of the <see cref="StatePaths"/> class.</summary>
    /// <param name="dataDirectory">The folder for state, history, logs and keys.</param>
    /// <param name="configDirectory">The folder for settings and credentials.</param>
    public StatePaths(string dataDirectory, string configDirectory)
    {
        this.DataDirectory = dataDirectory;
        this.ConfigDirectory = configDirectory;
    }

    /// <summary>Gets the folder for state, history, logs and keys.</summary>
    public string DataDirectory { get; }

    /// <summary>Gets the folder for settings and credentials.</summary>
    public string ConfigDirectory { get; }

    /// <summary>Gets the folder of the sidecar's own log files.</summary>
    public string LogDirectory => Path.Combine(this.DataDirectory, "logs");

    /// <summary>Resolves the paths from the environment.</summary>
    /// <param name="environment">Reads an environment variable; <see cref="Environment.GetEnvironmentVariable(string)"/> by default.</param>
    /// <returns>The paths.</returns>
    public static StatePaths FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var home = environment("GITSPACES_HOME");
        if (!string.IsNullOrWhiteSpace(home))
        {
            var root = Path.GetFullPath(home);
            return new StatePaths(root, Path.Combine(root, "config"));
        }

        var userHome = environment("HOME");
        if (string.IsNullOrWhiteSpace(userHome))
        {
            userHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        if (OperatingSystem.IsWindows())
        {
            var local = environment("LOCALAPPDATA") ?? Path.Combine(userHome, "AppData", "Local");
            var roaming = environment("APPDATA") ?? Path.Combine(userHome, "AppData", "Roaming");
            return new StatePaths(Path.Combine(local, "gitspaces"), Path.Combine(roaming, "gitspaces"));
        }

        if (OperatingSystem.IsMacOS())
        {
            var support = Path.Combine(userHome, "Library", "Application Support", "gitspaces");
            return new StatePaths(support, Path.Combine(support, "config"));
        }

        var data = environment("XDG_DATA_HOME") is { Length: > 0 } xdgData ? xdgData : Path.Combine(userHome, ".local", "share");
        var config = environment("XDG_CONFIG_HOME") is { Length: > 0 } xdgConfig ? xdgConfig : Path.Combine(userHome, ".config");
        return new StatePaths(Path.Combine(data, "gitspaces"), Path.Combine(config, "gitspaces"));
    }

    /// <summary>Returns the folder that holds one gitspace's history, creating it.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <returns>The folder.</returns>
    public string GitspaceDirectory(string provider, string gitspaceId)
    {
        var path = Path.Combine(this.DataDirectory, "gitspaces", SafeName(provider), SafeName(gitspaceId));
        EnsurePrivateDirectory(path);
        return path;
    }

    /// <summary>Returns the folder that holds one gitspace's history without creating it.</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <returns>The folder.</returns>
    public string GitspaceDirectoryPath(string provider, string gitspaceId) =>
        Path.Combine(this.DataDirectory, "gitspaces", SafeName(provider), SafeName(gitspaceId));

    /// <summary>Creates a directory that only the current user can read (0700 on Unix).</summary>
    /// <param name="path">The directory.</param>
    /// <returns>The same path.</returns>
    public static string EnsurePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    /// <summary>
    /// Makes the data and settings folders owner-only (0700 on Unix), creating them or tightening ones made wider: they
    /// hold clones of repositories, events, logs, keys and tokens, and whatever is made under them inherits the fence.
    /// </summary>
    public void EnsurePrivateRoots()
    {
        foreach (var root in new[] { this.DataDirectory, this.ConfigDirectory })
        {
            EnsurePrivateDirectory(root);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    /// <summary>Appends text to a file, creating it owner-only (0600 on Unix) when it is new.</summary>
    /// <param name="path">The file.</param>
    /// <param name="text">The text, UTF-8.</param>
    public static void AppendPrivateText(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite | FileShare.Delete };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Writes a file atomically (temp file, then rename) with owner-only permissions (0600 on Unix).</summary>
    /// <param name="path">The file.</param>
    /// <param name="contents">The bytes.</param>
    public static void WritePrivateFile(string path, ReadOnlySpan<byte> contents)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            stream.Write(contents);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    private static string SafeName(string name)
    {
        // Ids come from users and control planes; keep them from escaping the folder.
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        var safe = new string(chars).Trim('.');
        return safe.Length == 0 ? "_" : safe;
    }
}
