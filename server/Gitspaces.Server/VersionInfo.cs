using System.Reflection;

namespace Gitspaces.Server;

/// <summary>The sidecar's version, stamped by Nerdbank.GitVersioning from git history.</summary>
internal static class VersionInfo
{
    public static string Version { get; } =
        typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(VersionInfo).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public static string FullVersion { get; } =
        typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? Version;
}
