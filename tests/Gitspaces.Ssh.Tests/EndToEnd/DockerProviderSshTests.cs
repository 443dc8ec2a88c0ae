using Gitspaces.Core;
using Gitspaces.Core.State;
using Gitspaces.Protocol;
using Gitspaces.Ssh.Config;
using Gitspaces.Ssh.Keys;
using Gitspaces.Ssh.Tests.Support;
using Xunit;

namespace Gitspaces.Ssh.Tests.EndToEnd;

/// <summary>
/// The whole path with product code: GitspaceService and the Docker provider create a gitspace from a real git
/// repository, connect registers it with our registry, and the real ssh goes through the ProxyCommand into the
/// provider's own channel (Docker's attached exec of sshd -i).
/// </summary>
[Collection(DockerTests.Name)]
public sealed class DockerProviderSshTests : IAsyncLifetime
{
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromMinutes(3);
    private readonly TempDirectory temp = new();
    private readonly string name = "ssh-e2e-" + Guid.NewGuid().ToString("N")[..8];
    private GitspaceService service = null!;
    private SshHostRegistry registry = null!;
    private SshIdentityStore identities = null!;
    private Gitspaces.Providers.Docker.DockerProvider? provider;

    private string Home => this.temp.Combine("home");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(this.Home);
        var state = this.temp.Combine("state");
        var paths = new StatePaths(state, Path.Combine(state, "config"));
        string? Environment(string variable) => variable switch
        {
            "HOME" => this.Home,
            "GITSPACES_HOME" => state,
            _ => System.Environment.GetEnvironmentVariable(variable),
        };

        var options = SshHostRegistryOptions.Create(paths, environment: Environment) with { SidecarCommand = [SshWorld.TestProxyHost] };
        this.registry = new SshHostRegistry(options);
        this.identities = new SshIdentityStore(paths);
        var docker = Program.CreateDockerProvider(paths, options, Environment);
        this.provider = docker;
        this.service = new GitspaceService([docker], paths);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (this.registry.FindAlias("docker", this.name) is not null || (await this.service.ListAsync(null, CancellationToken.None)).Gitspaces.Any(g => g.Id == this.name))
            {
                await this.service.DeleteAsync(this.name, null, CancellationToken.None);
            }
        }
        finally
        {
            await Run.ProgramAsync("docker", ["rm", "-f", "-v", "gitspace-" + this.name]);
            this.provider?.Dispose();
            this.temp.Dispose();
        }
    }

    [Fact]
    public async Task Create_connect_ssh_stop_start_and_delete_through_the_Docker_provider()
    {
        using var cts = new CancellationTokenSource(OperationTimeout);
        var repository = await this.CreateRepositoryAsync();
        await this.service.CreateAsync(new CreateGitspaceParams { Name = this.name, Repository = new RepositorySource { Url = repository }, Provider = "docker" }, null, cts.Token);

        var connect = await this.service.ConnectAsync(this.name, Ides.VsCode, null, cts.Token);
        var whoami = await this.SshAsync(connect.SshHost, "whoami");
        var status = await this.SshAsync(connect.SshHost, $"git -C '{connect.WorkspaceFolder}' status");

        Assert.Equal("gitspace-" + this.name, connect.SshHost);
        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        Assert.Equal(connect.User, whoami.StandardOutput.Trim());
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("On branch", status.StandardOutput, StringComparison.Ordinal);

        await this.service.StopAsync(this.name, null, cts.Token);
        var whileStopped = await this.SshAsync(connect.SshHost, "true");
        await this.service.StartAsync(this.name, null, cts.Token);
        var afterStart = await this.SshAsync(connect.SshHost, "whoami");

        Assert.Equal(255, whileStopped.ExitCode);
        Assert.Contains("gitspaces ssh-proxy:", whileStopped.StandardError, StringComparison.Ordinal);
        Assert.True(afterStart.ExitCode == 0, afterStart.ToString());

        var keyFolder = this.identities.KeyDirectory("docker", this.name);
        await this.service.DeleteAsync(this.name, null, cts.Token);

        Assert.False(Directory.Exists(keyFolder));
        Assert.Null(this.registry.FindAlias("docker", this.name));
        Assert.DoesNotContain(connect.SshHost, await File.ReadAllTextAsync(this.registry.KnownHostsPath), StringComparison.Ordinal);
        Assert.False(UserSshConfig.HasManagedBlock(await File.ReadAllBytesAsync(this.registry.UserConfigPath)));
    }

    private Task<ProcessResult> SshAsync(string alias, string command) =>
        Run.ProgramAsync("ssh", ["-F", this.registry.UserConfigPath, "-o", "BatchMode=yes", alias, command], environment: new Dictionary<string, string> { ["HOME"] = this.Home, ["SSH_AUTH_SOCK"] = string.Empty });

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
