using System.Reflection;

namespace Gitspaces.Ssh.Hosting;

/// <summary>
/// Finds the command that starts this sidecar again: each gitspace's <c>ProxyCommand</c> runs it as
/// <c>gitspaces ssh-proxy …</c>. The published sidecar is a Native AOT program, so that command starts in milliseconds
/// and one program serves the editor, the command line and every SSH connection.
/// </summary>
public static class SidecarExecutable
{
    /// <summary>
    /// Returns the program (and, for framework-dependent runs, its arguments) that starts the running sidecar:
    /// <see cref="Environment.ProcessPath"/>, or for <c>dotnet gitspaces.dll</c> the apphost next to the dll when there
    /// is one, else <c>dotnet</c> and the dll.
    /// </summary>
    /// <returns>The absolute program path, then any arguments.</returns>
    public static IReadOnlyList<string> CurrentCommand() =>
        Resolve(Environment.ProcessPath, EntryAssemblyPath(), File.Exists);

    /// <summary>Resolves the command from a process path and the entry assembly's path.</summary>
    /// <param name="processPath">The running program (<c>…/gitspaces</c> or <c>…/dotnet</c>).</param>
    /// <param name="entryAssemblyPath">The entry assembly (<c>…/gitspaces.dll</c>), if known.</param>
    /// <param name="fileExists">Tells whether a file exists.</param>
    /// <returns>The absolute program path, then any arguments.</returns>
    public static IReadOnlyList<string> Resolve(string? processPath, string? entryAssemblyPath, Func<string, bool> fileExists)
    {
        ArgumentNullException.ThrowIfNull(fileExists);
        if (string.IsNullOrEmpty(processPath))
        {
            throw new InvalidOperationException("The path of the running sidecar is unknown, so no ProxyCommand can be written.");
        }

        var isDotnetHost = string.Equals(Path.GetFileNameWithoutExtension(processPath), "dotnet", StringComparison.OrdinalIgnoreCase);
        if (!isDotnetHost || string.IsNullOrEmpty(entryAssemblyPath))
        {
            return [Path.GetFullPath(processPath)];
        }

        var apphost = Path.ChangeExtension(entryAssemblyPath, OperatingSystem.IsWindows() ? ".exe" : null);
        return fileExists(apphost) ? [Path.GetFullPath(apphost)] : [Path.GetFullPath(processPath), Path.GetFullPath(entryAssemblyPath)];
    }

    // Assembly.Location is empty in Native AOT and single-file programs (IL3000); the dll only matters under `dotnet
    // gitspaces.dll`, where it sits in the app's base directory.
    private static string? EntryAssemblyPath() =>
        Assembly.GetEntryAssembly()?.GetName().Name is { Length: > 0 } name && Path.Combine(AppContext.BaseDirectory, name + ".dll") is var dll && File.Exists(dll)
            ? dll
            : null;
}
