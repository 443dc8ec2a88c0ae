namespace Gitspaces.DevContainers.Variables;

/// <summary>What the config-read phase of substitution knows: the host environment and the two workspace folders.</summary>
public sealed class LocalSubstitutionContext
{
    /// <summary>Gets the host environment <c>${localEnv:X}</c> and <c>${env:X}</c> read.</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>Gets the host workspace folder (<c>${localWorkspaceFolder}</c>); unresolved when null.</summary>
    public string? LocalWorkspaceFolder { get; init; }

    /// <summary>Gets the container workspace folder before its own substitution (<c>${containerWorkspaceFolder}</c>); unresolved when null.</summary>
    public string? ContainerWorkspaceFolder { get; init; }

    /// <summary>Gets a value indicating whether the host is Windows: environment names are then matched case-insensitively and basenames split on both separators.</summary>
    public bool IsWindows { get; init; } = OperatingSystem.IsWindows();

    /// <summary>Gets the configuration file's name, for error messages.</summary>
    public string? ConfigFileName { get; init; }
}
