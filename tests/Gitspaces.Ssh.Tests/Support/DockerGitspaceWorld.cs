using Gitspaces.Core;
using Gitspaces.Core.State;
using Gitspaces.Protocol;
using Gitspaces.Providers.Docker;
using Gitspaces.Ssh.Config;
using Gitspaces.Ssh.Keys;

namespace Gitspaces.Ssh.Tests.Support;

/// <summary>
/// A gitspace made by the product: GitspaceService and the Docker provider from a real git repository, with our
/// identity store and registry, in a temp HOME and state directory. The ProxyCommand runs the real <c>gitspaces
/// ssh-proxy</c>, or this assembly's apphost with the same arguments; either opens the Docker provider's own channel.
/// </summary>
internal sealed class DockerGitspaceWorld : IAsyncDisposable
{
    private readonly TempDirectory temp;
    private readonly DockerProvider provider;

    private DockerGitspaceWorld(TempDirectory temp, string name, GitspaceService service, SshHostRegistry registry, SshIdentityStore identities, DockerProvider provider)
    {
        this.temp = temp;
        this.Name = name;
        this.Service = service;
        this.Registry = registry;
        this.Identities = identities;
        this.provider = provider;
    }

    public string Name { get; }

    public GitspaceService Service { get; }

    public SshHostRegistry Registry { get; }

    public SshIdentityStore Identities { get; }

    public string Home => this.temp.Combine("home");

    /// <summary>Creates a gitspace through the service.</summary>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <param name="sidecar">The ProxyCommand's program: this assembly's apphost by default, or the real <c>gitspaces</c>.</param>
    public static async Task<DockerGitspaceWorld> CreateAsync(CancellationToken cancellationToken, string? sidecar = null)
    {
        var temp = new TempDirectory();
        var home = Directory.CreateDirectory(temp.Combine("home")).FullName;
        var state = temp.Combine("state");
        var paths = new StatePaths(state, Path.Combine(state, "config"));
        string? Environment(string variable) => variable switch
        {
            "HOME" => home,
            "GITSPACES_HOME" => state,
            _ => System.Environment.GetEnvironmentVariable(variable),
        };

        var options = SshHostRegistryOptions.Create(paths, environment: Environment) with { SidecarCommand = [sidecar ?? SshWorld.TestProxyHost] };
        var provider = Program.CreateDockerProvider(paths, options, Environment);
        var world = new DockerGitspaceWorld(temp, "ssh-e2e-" + Guid.NewGuid().ToString("N")[..8], new GitspaceService([provider], paths), new SshHostRegistry(options), new SshIdentityStore(paths), provider);
        try
        {
            var repository = await world.CreateRepositoryAsync();
            await world.Service.CreateAsync(new CreateGitspaceParams { Name = world.Name, Repository = new RepositorySource { Url = repository }, Provider = "docker" }, null, cancellationToken);
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    public Task<ConnectResult> ConnectAsync(CancellationToken cancellationToken) =>
        this.Service.ConnectAsync(this.Name, Ides.VsCode, null, cancellationToken);

    public IReadOnlyList<string> SshArguments(string alias, string command) =>
        ["-F", this.Registry.UserConfigPath, "-o", "BatchMode=yes", alias, command];

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["HOME"] = this.Home, ["SSH_AUTH_SOCK"] = string.Empty };

    public Task<ProcessResult> SshAsync(string alias, string command) =>
        Run.ProgramAsync("ssh", this.SshArguments(alias, command), environment: this.Environment);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if ((await this.Service.ListAsync(null, CancellationToken.None)).Gitspaces.Any(g => g.Id == this.Name))
            {
                await this.Service.DeleteAsync(this.Name, null, CancellationToken.None);
            }
        }
        finally
        {
            await Run.ProgramAsync("docker", ["rm", "-f", "-v", "gitspace-" + this.Name]);
            this.provider.Dispose();
            this.temp.Dispose();
        }
    }

    private async Task<string> CreateRepositoryAsync()
    {
        var repository = this.temp.Combine("repo");
        Directory.CreateDirectory(Path.Combine(repository, ".devcontainer"));
        await File.WriteAllTextAsync(Path.Combine(repository, ".devcontainer", "devcontainer.json"), $$"""{ "image": "{{GitspaceContainer.Image}}" }""");
        await File.WriteAllTextAsync(Path.Combine(repository, "README.md"), "hello\n");
        foreach (var step in new[] { "init -q -b main", "add -A", "-c user.email=t@example.com -c user.name=t commit -qm init" })
        {
            await Run.CheckedAsync("git", ["-C", repository, .. step.Split(' ')]);
        }

        return repository;
    }
}
