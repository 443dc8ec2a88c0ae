using System.Collections.Concurrent;
using Gitspaces.Core;
using Gitspaces.Core.Operations;
using Gitspaces.Core.State;
using Gitspaces.Protocol;
using Gitspaces.Ssh.Config;
using Gitspaces.Ssh.Keys;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

/// <summary>
/// One test's world: its own GITSPACES_HOME and HOME, the real SSH identity store and host registry, the Docker
/// provider and the service every RPC and CLI call goes through, and an observer of what clients would be told.
/// </summary>
internal sealed class Sandbox : IDisposable, IGitspaceObserver
{
    private readonly IDisposable subscription;
    private readonly Lock changeGate = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Sandbox(string? home = null, string? endpoint = null)
    {
        this.Home = home ?? TempDirectory.Create("docker-home");
        this.UserHome = Path.Combine(this.Home, "user");
        Directory.CreateDirectory(this.UserHome);
        this.Paths = StatePaths.FromEnvironment(this.Environment);
        if (endpoint is not null)
        {
            File.WriteAllText(Path.Combine(Directory.CreateDirectory(this.Paths.ConfigDirectory).FullName, "docker.json"), $"{{\"endpoint\":\"{endpoint}\"}}");
        }

        this.Identities = new SshIdentityStore(this.Paths);
        this.Hosts = new SshHostRegistry(SshHostRegistryOptions.Create(this.Paths, environment: this.Environment) with { SidecarCommand = ["/usr/bin/env", "gitspaces"] });
        this.Provider = new DockerProvider(this.Paths, this.Identities, this.Hosts, new DockerProviderOptions { Environment = this.Environment });
        this.Service = new GitspaceService([this.Provider], this.Paths);
        this.subscription = this.Service.Subscribe(this);
    }

    public string Home { get; }

    public string UserHome { get; }

    public StatePaths Paths { get; }

    public SshIdentityStore Identities { get; }

    public SshHostRegistry Hosts { get; }

    public DockerProvider Provider { get; }

    public GitspaceService Service { get; }

    public ConcurrentQueue<Gitspace> Changes { get; } = new();

    public ConcurrentQueue<(string Id, LogLine Line)> Logs { get; } = new();

    public ConcurrentQueue<(string Id, GitspaceEvent Event)> Events { get; } = new();

    public string? Environment(string name) => name switch
    {
        "GITSPACES_HOME" => this.Home,
        "HOME" => this.UserHome,
        "XDG_DATA_HOME" or "XDG_CONFIG_HOME" or "DOCKER_CONFIG" => null,
        _ => System.Environment.GetEnvironmentVariable(name),
    };

    public Task<Gitspace> CreateAsync(string name, string url, string? branch = null, CancellationToken cancellationToken = default) =>
        this.Service.CreateAsync(new CreateGitspaceParams { Name = name, Repository = new RepositorySource { Url = url, Branch = branch } }, null, cancellationToken);

    /// <summary>Asserts that a failed create left nothing: no gitspace, container, volume, clone or history.</summary>
    public async Task AssertNothingLeftAsync(string id)
    {
        var missing = await Assert.ThrowsAsync<Gitspaces.Core.Errors.GitspaceException>(() => this.Service.GetAsync(id, CancellationToken.None));
        Assert.Equal(ErrorCodes.GitspaceNotFound, missing.Code);
        Assert.Empty(DockerCli.ContainersWithLabel("dev.gitspaces.id=" + id));
        Assert.False(DockerCli.Exists("volume", $"gitspace-{id}-workspace"));
        Assert.False(Directory.Exists(System.IO.Path.Combine(this.Paths.DataDirectory, "docker", "clones", id)));
        Assert.False(Directory.Exists(this.Paths.GitspaceDirectoryPath("docker", id)));
    }

    public IReadOnlyList<string> LogText(string id) => [.. this.Service.History.ReadLog("docker", id, 0, 10_000).Lines.Select(l => l.Line)];

    public async Task<Gitspace> WaitForAsync(string id, Func<Gitspace, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var gitspace = await this.Service.GetAsync(id, CancellationToken.None);
            if (condition(gitspace))
            {
                return gitspace;
            }

            Assert.True(DateTime.UtcNow < deadline, $"gitspace {id} did not reach the expected state; it is {gitspace.State}/{gitspace.Readiness}: {gitspace.ErrorMessage}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until a change reported to clients matches, woken by each report; false when the time is up.</summary>
    public async Task<bool> WaitForChangeAsync(Func<Gitspace, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task next;
            lock (this.changeGate)
            {
                next = this.changed.Task;
            }

            if (this.Changes.Any(match))
            {
                return true;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            await Task.WhenAny(next, Task.Delay(left));
        }
    }

    public void OnChanged(Gitspace gitspace)
    {
        this.Changes.Enqueue(gitspace);
        TaskCompletionSource reported;
        lock (this.changeGate)
        {
            reported = this.changed;
            this.changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        reported.TrySetResult();
    }

    public void OnEvent(string gitspaceId, GitspaceEvent gitspaceEvent) => this.Events.Enqueue((gitspaceId, gitspaceEvent));

    public void OnLog(string gitspaceId, LogLine line) => this.Logs.Enqueue((gitspaceId, line));

    public void Dispose()
    {
        this.subscription.Dispose();
        this.Provider.Dispose();
    }
}
