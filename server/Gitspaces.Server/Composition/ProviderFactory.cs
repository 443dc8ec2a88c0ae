using Gitspaces.Core.Providers;
using Gitspaces.Core.State;
using Gitspaces.Providers.Docker;
using Gitspaces.Providers.Harness;
using Gitspaces.Ssh.Config;
using Gitspaces.Ssh.Keys;

namespace Gitspaces.Server.Composition;

/// <summary>Creates the providers the sidecar ships with: Docker first (the default), then Harness.</summary>
internal static class ProviderFactory
{
    public static IReadOnlyList<IGitspaceProvider> Create(StatePaths paths) => [CreateDocker(paths), new HarnessProvider(paths)];

    /// <summary>Creates the Docker provider.</summary>
    /// <param name="paths">The state directory.</param>
    /// <returns>The provider.</returns>
    public static DockerProvider CreateDocker(StatePaths paths) =>
        new(paths, new SshIdentityStore(paths), new SshHostRegistry(SshHostRegistryOptions.Create(paths, Environment.GetEnvironmentVariable("GITSPACES_SSH_CONFIG"))));

    /// <summary>
    /// Creates the Docker provider's SSH channel alone, what <c>ssh-proxy</c> needs: no identity store, host registry,
    /// records or Docker.DotNet, since every SSH connection starts a process that pays for what it loads.
    /// </summary>
    /// <param name="paths">The state directory.</param>
    /// <returns>The channel.</returns>
    public static DockerSshChannel CreateDockerSshChannel(StatePaths paths) => new(paths);
}
