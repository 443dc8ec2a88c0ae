using Gitspaces.Core.State;
using Gitspaces.Ssh.Hosting;

namespace Gitspaces.Ssh.Config;

/// <summary>Where <see cref="SshHostRegistry"/> writes, and the sidecar command its entries run as <c>ProxyCommand</c>.</summary>
public sealed record SshHostRegistryOptions
{
    /// <summary>Gets the user's SSH config that gets the managed <c>Include</c> block (<c>~/.ssh/config</c>, or VS Code's <c>remote.SSH.configFile</c>).</summary>
    public required string UserConfigPath { get; init; }

    /// <summary>Gets our own folder (0700) for the included config file, the known_hosts file and the lock (<c>&lt;state&gt;/ssh</c>).</summary>
    public required string Directory { get; init; }

    /// <summary>
    /// Gets the command (program, then arguments) that <c>ProxyCommand</c> runs, before <c>ssh-proxy …</c>: the running
    /// sidecar (see <see cref="SidecarExecutable.CurrentCommand"/>).
    /// </summary>
    public required IReadOnlyList<string> SidecarCommand { get; init; }

    /// <summary>
    /// Gets the state directory to hand to <c>ssh-proxy --home</c> when the sidecar runs with <c>GITSPACES_HOME</c>: ssh starts
    /// the proxy with the editor's environment, which does not carry it. <see langword="null"/> for the default location.
    /// </summary>
    public string? GitspacesHome { get; init; }

    /// <summary>Gets a value indicating whether to write the <c>ProxyCommand</c> for Windows' OpenSSH.</summary>
    public bool WindowsProxyCommand { get; init; } = OperatingSystem.IsWindows();

    /// <summary>Gets the seconds between keep-alive probes (<c>ServerAliveInterval</c>).</summary>
    public int ServerAliveInterval { get; init; } = 15;

    /// <summary>Gets the unanswered probes before ssh gives up (<c>ServerAliveCountMax</c>).</summary>
    public int ServerAliveCountMax { get; init; } = 4;

    /// <summary>Builds the default options: <c>~/.ssh/config</c> from <c>HOME</c> (or the given file), our files under the state directory, and the proxy next to the running sidecar.</summary>
    /// <param name="paths">The state directory.</param>
    /// <param name="userConfigPath">The user's SSH config when not <c>~/.ssh/config</c> (VS Code's <c>remote.SSH.configFile</c>).</param>
    /// <param name="environment">Reads an environment variable; <see cref="Environment.GetEnvironmentVariable(string)"/> by default.</param>
    /// <returns>The options.</returns>
    public static SshHostRegistryOptions Create(StatePaths paths, string? userConfigPath = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        environment ??= Environment.GetEnvironmentVariable;
        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (userConfigPath is ['~', '/' or '\\', ..])
        {
            // VS Code's setting is often written as ~/.ssh/…; the shell is not there to expand it.
            userConfigPath = Path.Combine(home, userConfigPath[2..]);
        }

        return new SshHostRegistryOptions
        {
            UserConfigPath = Path.GetFullPath(string.IsNullOrWhiteSpace(userConfigPath) ? Path.Combine(home, ".ssh", "config") : userConfigPath),
            Directory = Path.Combine(paths.DataDirectory, "ssh"),
            SidecarCommand = SidecarExecutable.CurrentCommand(),
            GitspacesHome = environment("GITSPACES_HOME") is { Length: > 0 } gitspacesHome ? Path.GetFullPath(gitspacesHome) : null,
        };
    }
}
