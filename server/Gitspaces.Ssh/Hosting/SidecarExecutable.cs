using System.Reflection;

namespace Gitspaces.Ssh.Hosting;

/// <summary>Finds the command that starts this sidecar again, and the program each gitspace's <c>ProxyCommand</c> runs.</summary>
public static class SidecarExecutable
{
    /// <summary>The NativeAOT proxy's file name without extension, published next to <c>gitspaces</c> by <c>scripts/build.mjs</c>.</summary>
    public const string NativeProxyName = "gitspaces-ssh-proxy";

    /// <summary>
    /// Returns the program (and, for framework-dependent runs, its arguments) that starts the running sidecar:
    /// <see cref="Environment.ProcessPath"/>, or for <c>dotnet gitspaces.dll</c> the apphost next to the dll when there
    /// is one, else <c>dotnet</c> and the dll.
    /// </summary>
    /// <returns>The absolute program path, then any arguments.</returns>
    public static IReadOnlyList<string> CurrentCommand() =>
        Resolve(Environment.ProcessPath, EntryAssemblyPath(), File.Exists);

    /// <summary>
    /// Returns the command that <c>ProxyCommand</c> runs before <c>ssh-proxy …</c>: <c>gitspaces-ssh-proxy</c> when it sits
    /// next to the running sidecar and can be run, else the sidecar itself (see <see cref="ResolveProxy"/>).
    /// </summary>
    /// <returns>The absolute program path, then any arguments.</returns>
    public static IReadOnlyList<string> ProxyCommand() => ResolveProxy(CurrentCommand(), IsRunnable);

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

    /// <summary>
    /// Chooses the <c>ProxyCommand</c> program: the NativeAOT <c>gitspaces-ssh-proxy</c> in the sidecar's folder when it
    /// exists, because every SSH connection starts it and it starts in a few milliseconds where a .NET runtime takes tens;
    /// else the sidecar, whose <c>ssh-proxy</c> command takes the same arguments (a build without a native toolchain).
    /// </summary>
    /// <param name="sidecarCommand">The sidecar's command (<see cref="Resolve"/>): its last word is the apphost or the dll.</param>
    /// <param name="fileExists">Tells whether a file exists.</param>
    /// <returns>The absolute program path, then any arguments.</returns>
    public static IReadOnlyList<string> ResolveProxy(IReadOnlyList<string> sidecarCommand, Func<string, bool> fileExists)
    {
        ArgumentNullException.ThrowIfNull(sidecarCommand);
        ArgumentNullException.ThrowIfNull(fileExists);
        if (sidecarCommand.Count == 0 || Path.GetDirectoryName(sidecarCommand[^1]) is not { Length: > 0 } folder)
        {
            return sidecarCommand;
        }

        var native = Path.Combine(folder, NativeProxyName + (OperatingSystem.IsWindows() ? ".exe" : string.Empty));
        return fileExists(native) ? [native] : sidecarCommand;
    }

    // Assembly.Location is empty in Native AOT and single-file programs (IL3000); the dll only matters under `dotnet
    // gitspaces.dll`, where it sits in the app's base directory.
    private static string? EntryAssemblyPath() =>
        Assembly.GetEntryAssembly()?.GetName().Name is { Length: > 0 } name && Path.Combine(AppContext.BaseDirectory, name + ".dll") is var dll && File.Exists(dll)
            ? dll
            : null;

    /// <summary>
    /// Tells whether a file exists and, off Windows, carries an execute bit: an archive that lost the bit (a VSIX can)
    /// must not become a ProxyCommand that fails on every connection with "Permission denied".
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>Whether ssh can start it.</returns>
    internal static bool IsRunnable(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
