namespace Gitspaces.DevContainers;

/// <summary>The host's operating system, which changes a few defaults (mount consistency, environment name case).</summary>
public enum HostPlatform
{
    /// <summary>Linux: no <c>consistency=</c> in the default workspace mount.</summary>
    Linux,

    /// <summary>macOS.</summary>
    MacOS,

    /// <summary>Windows: environment names are case-insensitive.</summary>
    Windows,
}
