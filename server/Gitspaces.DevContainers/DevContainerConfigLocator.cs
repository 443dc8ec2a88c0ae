namespace Gitspaces.DevContainers;

/// <summary>
/// Where configuration files are: the reference discovers <c>.devcontainer/devcontainer.json</c>, then
/// <c>.devcontainer.json</c>; <c>.devcontainer/&lt;name&gt;/devcontainer.json</c> is used only when chosen explicitly.
/// </summary>
public static class DevContainerConfigLocator
{
    /// <summary>The folder that holds configuration files, relative to the workspace folder.</summary>
    public const string ConfigFolderName = ".devcontainer";

    /// <summary>The configuration file's name inside <see cref="ConfigFolderName"/>.</summary>
    public const string ConfigFileName = "devcontainer.json";

    /// <summary>The configuration file's name at the workspace root.</summary>
    public const string RootConfigFileName = ".devcontainer.json";

    /// <summary>Finds the configuration the reference CLI would use when none is given.</summary>
    /// <param name="workspaceFolder">The workspace folder, absolute.</param>
    /// <returns>The absolute path, or null when neither file exists.</returns>
    public static string? FindDefault(string workspaceFolder)
    {
        var inFolder = DefaultConfigPath(workspaceFolder);
        if (File.Exists(inFolder))
        {
            return inFolder;
        }

        var atRoot = Path.Combine(workspaceFolder, RootConfigFileName);
        return File.Exists(atRoot) ? atRoot : null;
    }

    /// <summary>Gets <c>&lt;workspace&gt;/.devcontainer/devcontainer.json</c>, the path the reference names when nothing is found.</summary>
    /// <param name="workspaceFolder">The workspace folder, absolute.</param>
    public static string DefaultConfigPath(string workspaceFolder) => Path.Combine(workspaceFolder, ConfigFolderName, ConfigFileName);

    /// <summary>Resolves an explicit configuration path against the workspace folder (absolute paths stay as they are).</summary>
    /// <param name="workspaceFolder">The workspace folder, absolute.</param>
    /// <param name="configPath">A path such as <c>.devcontainer/python/devcontainer.json</c>.</param>
    public static string ResolveExplicit(string workspaceFolder, string configPath)
        => Path.GetFullPath(Path.Combine(workspaceFolder, configPath));

    /// <summary>Tells whether the reference's <c>up</c> would accept the file name (it must be devcontainer.json or .devcontainer.json).</summary>
    /// <param name="configPath">The configuration path.</param>
    public static bool HasAcceptedFileName(string configPath)
    {
        var name = Path.GetFileName(configPath);
        return name is ConfigFileName or RootConfigFileName;
    }

    /// <summary>Lists every configuration a picker may offer, in the order of precedence, then subfolders by name.</summary>
    /// <param name="workspaceFolder">The workspace folder, absolute.</param>
    /// <returns>Paths relative to <paramref name="workspaceFolder"/>, with forward slashes.</returns>
    public static IReadOnlyList<string> ListCandidates(string workspaceFolder)
    {
        var candidates = new List<string>();
        var configFolder = Path.Combine(workspaceFolder, ConfigFolderName);
        if (File.Exists(Path.Combine(configFolder, ConfigFileName)))
        {
            candidates.Add($"{ConfigFolderName}/{ConfigFileName}");
        }

        if (File.Exists(Path.Combine(workspaceFolder, RootConfigFileName)))
        {
            candidates.Add(RootConfigFileName);
        }

        if (Directory.Exists(configFolder))
        {
            try
            {
                var named = new List<string>();
                foreach (var folder in Directory.EnumerateDirectories(configFolder))
                {
                    if (File.Exists(Path.Combine(folder, ConfigFileName)))
                    {
                        named.Add($"{ConfigFolderName}/{Path.GetFileName(folder)}/{ConfigFileName}");
                    }
                }

                named.Sort(StringComparer.Ordinal);
                candidates.AddRange(named);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A folder we cannot list offers no candidates; reading the chosen file reports its own error.
            }
        }

        return candidates;
    }
}
