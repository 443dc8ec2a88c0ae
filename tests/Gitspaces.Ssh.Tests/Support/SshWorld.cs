using System.Diagnostics;
using Gitspaces.Core.Ssh;
using Gitspaces.Core.State;
using Gitspaces.Ssh.Config;
using Gitspaces.Ssh.Keys;

namespace Gitspaces.Ssh.Tests.Support;

/// <summary>
/// One gitspace made reachable over SSH the way the product does it, in a temp HOME and a temp state directory:
/// keys from <see cref="SshIdentityStore"/>, entries from <see cref="SshHostRegistry"/>, and a ProxyCommand that runs the
/// real <c>SshProxy</c> (this test assembly's apphost, or <c>gitspaces</c> when given).
/// </summary>
internal sealed class SshWorld : IAsyncDisposable
{
    private readonly TempDirectory temp;

    private SshWorld(TempDirectory temp, GitspaceContainer container, SshIdentityStore identities, SshHostRegistry registry, SshIdentity identity, string alias)
    {
        this.temp = temp;
        this.Container = container;
        this.Identities = identities;
        this.Registry = registry;
        this.Identity = identity;
        this.Alias = alias;
    }

    public GitspaceContainer Container { get; }

    public SshIdentityStore Identities { get; }

    public SshHostRegistry Registry { get; }

    public SshIdentity Identity { get; }

    public string Alias { get; }

    public string Home => this.temp.Combine("home");

    public string UserConfigPath => this.Registry.UserConfigPath;

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["HOME"] = this.Home, ["SSH_AUTH_SOCK"] = string.Empty };

    /// <summary>The test assembly's apphost: its Main is an ssh-proxy host (see Program.cs).</summary>
    public static string TestProxyHost => Path.Combine(AppContext.BaseDirectory, "Gitspaces.Ssh.Tests");

    /// <summary>Creates the world.</summary>
    /// <param name="userConfig">The user's SSH config before we touch it, or <see langword="null"/> for none.</param>
    /// <param name="sidecarFolderName">A folder name for a link to the proxy host, to exercise ProxyCommand quoting.</param>
    /// <param name="stateFolderName">The state folder's name, to exercise quoting of IdentityFile and UserKnownHostsFile.</param>
    public static async Task<SshWorld> CreateAsync(byte[]? userConfig = null, string? sidecarFolderName = null, string stateFolderName = "state")
    {
        var temp = new TempDirectory();
        var container = await GitspaceContainer.StartAsync();
        try
        {
            var home = temp.Combine("home");
            Directory.CreateDirectory(home);
            if (userConfig is not null)
            {
                StatePaths.EnsurePrivateDirectory(Path.Combine(home, ".ssh"));
                await File.WriteAllBytesAsync(Path.Combine(home, ".ssh", "config"), userConfig);
            }

            var sidecar = TestProxyHost;
            if (sidecarFolderName is not null)
            {
                // The apphost finds its dll through the link's real path, so a link in an awkward folder is a real sidecar.
                var folder = Directory.CreateDirectory(temp.Combine(sidecarFolderName)).FullName;
                sidecar = Path.Combine(folder, "gitspaces");
                File.CreateSymbolicLink(sidecar, TestProxyHost);
            }

            var paths = new StatePaths(temp.Combine(stateFolderName), temp.Combine(stateFolderName, "config"));
            var identities = new SshIdentityStore(paths);
            var identity = identities.GetOrCreate(DockerExecSshChannelProvider.ProviderId, container.Name);
            await container.InstallAsync(identity);
            var options = SshHostRegistryOptions.Create(paths, environment: name => name == "HOME" ? home : null) with { SidecarCommand = [sidecar] };
            var registry = new SshHostRegistry(options);
            var alias = registry.Register(new SshHostRegistration
            {
                Provider = DockerExecSshChannelProvider.ProviderId,
                GitspaceId = container.Name,
                User = GitspaceContainer.User,
                Identity = identity,
            });
            return new SshWorld(temp, container, identities, registry, identity, alias);
        }
        catch
        {
            await container.DisposeAsync();
            temp.Dispose();
            throw;
        }
    }

    /// <summary>Runs the real ssh client with the user's config we wrote (ssh takes ~ from the password database, not HOME, so the config is named).</summary>
    public Task<ProcessResult> SshAsync(params string[] remoteCommand) =>
        Run.ProgramAsync("ssh", this.SshArguments([this.Alias, .. remoteCommand]), environment: this.Environment);

    public IReadOnlyList<string> SshArguments(IEnumerable<string> rest) =>
        ["-F", this.UserConfigPath, "-o", "BatchMode=yes", .. rest];

    /// <summary>Starts an interactive ssh session with a remote pseudo-terminal; the caller writes to its stdin.</summary>
    public Process StartInteractiveSession()
    {
        var start = Run.StartInfo("ssh", this.SshArguments(["-tt", this.Alias]), this.Environment);
        return Process.Start(start)!;
    }

    public async ValueTask DisposeAsync()
    {
        await this.Container.DisposeAsync();
        this.temp.Dispose();
    }
}
