using Gitspaces.Core.Providers;
using Gitspaces.Core.State;
using Gitspaces.Providers.Docker;
using Gitspaces.Providers.Harness;
using Gitspaces.Ssh.Config;
using Gitspaces.Ssh.Keys;

namespace Gitspaces.Server.Composition;

/// <summary>
/// The providers the sidecar ships with: Docker first (the default), then Harness. The registry is made without
/// loading either: each factory's body, and with it the provider's assembly, is compiled only when it is called.
/// </summary>
internal static class ProviderFactory
{
    /// <summary>Gets the registry of the sidecar's providers.</summary>
    public static ProviderRegistry Registry { get; } = new(
    [
        new ProviderRegistration(DockerProvider.ProviderId)
        {
            CreateProvider = CreateDocker,

            // ssh-proxy needs the channel alone: no identity store, host registry, records or Docker.DotNet, since
            // every SSH connection starts a process that pays for what it loads.
            CreateSshChannel = paths => new DockerSshChannel(paths),
            CreatePortChannel = paths => new DockerPortChannel(paths),
        },
        new ProviderRegistration(HarnessProvider.ProviderId) { CreateProvider = paths => new HarnessProvider(paths) },
    ]);

    /// <summary>Creates the Docker provider.</summary>
    /// <param name="paths">The state directory.</param>
    /// <returns>The provider.</returns>
    public static DockerProvider CreateDocker(StatePaths paths) =>
        new(
            paths,
            new SshIdentityStore(paths),
            new SshHostRegistry(SshHostRegistryOptions.Create(paths, Environment.GetEnvironmentVariable("GITSPACES_SSH_CONFIG"))),
            new DockerProviderOptions { CredentialForwarder = Credentials.SidecarCredentials.Bridges(paths) });
}
