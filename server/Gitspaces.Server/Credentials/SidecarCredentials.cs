using Gitspaces.Core.State;
using Gitspaces.DevContainers.Features;
using Gitspaces.Git.Credentials;
using Gitspaces.Providers.Docker;
using Gitspaces.Ssh.Config;

namespace Gitspaces.Server.Credentials;

/// <summary>
/// This sidecar process's credential channels (docs/credentials.md): one set per process, made on first use, used by
/// the Docker provider for lifecycle commands and by <c>gitspaces/connect</c> for the editor's sessions, and closed when
/// the process finishes its command or stops serving.
/// </summary>
internal static class SidecarCredentials
{
    private static readonly Lock Gate = new();
    private static CredentialBridges? bridges;

    /// <summary>Gets or sets where bridges log (the server's log while serving); nowhere by default.</summary>
    public static Action<string>? Log { get; set; }

    /// <summary>Returns the process's bridges, made on first use for a state directory.</summary>
    /// <param name="paths">The state directory.</param>
    /// <returns>The bridges.</returns>
    public static CredentialBridges Bridges(StatePaths paths)
    {
        lock (Gate)
        {
            return bridges ??= new CredentialBridges(ConfigFile(paths), alias => Responder(paths, alias), message => Log?.Invoke(message));
        }
    }

    /// <summary>Returns the SSH config that has the gitspaces' entries.</summary>
    /// <param name="paths">The state directory.</param>
    /// <returns>Its path.</returns>
    public static string ConfigFile(StatePaths paths) =>
        SshHostRegistryOptions.Create(paths, Environment.GetEnvironmentVariable("GITSPACES_SSH_CONFIG")).UserConfigPath;

    /// <summary>
    /// Returns what answers a gitspace's requests: the user's git credential helpers, and their Docker registry logins
    /// only for a Docker gitspace listed in <c>registryCredentials</c> of <c>docker.json</c>.
    /// </summary>
    /// <param name="paths">The state directory.</param>
    /// <param name="alias">The gitspace's SSH host alias.</param>
    /// <returns>The responder.</returns>
    public static CredentialResponder Responder(StatePaths paths, string alias)
    {
        var registry = new SshHostRegistry(SshHostRegistryOptions.Create(paths, Environment.GetEnvironmentVariable("GITSPACES_SSH_CONFIG")));
        var optedIn = registry.FindGitspace(alias) is { Provider: DockerProvider.ProviderId } gitspace && DockerProvider.AllowsRegistryCredentials(paths, gitspace.GitspaceId);
        Func<string, CancellationToken, Task<(string, string)?>>? registryLogin = optedIn
            ? async (host, ct) => await new DockerCredentialStore().GetAsync(host, ct) is { } login ? (login.UserName, login.Secret) : null
            : null;
        return new CredentialResponder(new HostGitCredentials(), registryLogin);
    }

    /// <summary>Closes every channel this process opened.</summary>
    /// <returns>A task that completes when they are closed.</returns>
    public static async Task CloseAsync()
    {
        CredentialBridges? open;
        lock (Gate)
        {
            open = bridges;
            bridges = null;
        }

        if (open is not null)
        {
            await open.DisposeAsync();
        }
    }
}
