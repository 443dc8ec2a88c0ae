using System.Collections.Concurrent;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Providers;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Tests.Fakes;

/// <summary>
/// A provider that keeps its gitspaces in memory, so the service's own rules (routing, names, locks, history) are
/// tested without dockerd or the Harness stand-in. Each operation can be replaced to block, fail or report.
/// </summary>
internal class FakeProvider(string id = "fake") : IGitspaceProvider
{
    public ConcurrentDictionary<string, Gitspace> Gitspaces { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Calls { get; } = new();

    public bool Configured { get; set; } = true;

    /// <summary>Gets or sets what <see cref="FindAsync"/> throws (a provider that cannot answer).</summary>
    public GitspaceException? FindFails { get; set; }

    /// <summary>Gets or sets what an operation does before it changes the gitspace: report, wait, or throw.</summary>
    public Func<string, string, IOperationContext, Task>? During { get; set; }

    /// <summary>Gets or sets what watching reports: called once with the journal, then watching waits for cancellation.</summary>
    public Action<IGitspaceJournal>? OnWatch { get; set; }

    public string Id => id;

    public Task<ProviderInfo> DescribeAsync(bool check, CancellationToken cancellationToken) =>
        Task.FromResult(new ProviderInfo { Id = id, DisplayName = "Fake " + id, Kind = "self-hosted", Configured = this.Configured, Reachable = check });

    public Task<ProviderInfo> ConfigureAsync(ConfigureProviderParams configuration, CancellationToken cancellationToken) => this.DescribeAsync(true, cancellationToken);

    public Task<IReadOnlyList<Gitspace>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Gitspace>>([.. this.Gitspaces.Values]);

    public Task<Gitspace?> FindAsync(string gitspaceId, CancellationToken cancellationToken)
    {
        this.Calls.Enqueue("find " + gitspaceId);
        if (this.FindFails is { } failure)
        {
            throw failure;
        }

        return Task.FromResult(this.Gitspaces.TryGetValue(gitspaceId, out var found) ? found : null);
    }

    public virtual async Task<Gitspace> CreateAsync(CreateRequest request, IOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        this.Calls.Enqueue("create " + request.Name);
        context.RecordEvent(request.Name, EventTypes.ActionStart, "Setting up " + request.Name);
        context.WriteLog(request.Name, "stdout", "cloning " + request.Repository.Url);
        await this.RunDuringAsync("create", request.Name, context);
        var now = DateTimeOffset.UtcNow;
        var gitspace = new Gitspace
        {
            Id = request.Name,
            Name = request.Name,
            Provider = id,
            Repository = new GitspaceRepository { Url = request.Repository.Url ?? string.Empty, Branch = request.Repository.Branch },
            Ide = request.Ide,
            State = GitspaceState.Running,
            CreatedAt = now,
            UpdatedAt = now,
        };
        this.Gitspaces[gitspace.Id] = gitspace;
        context.RecordEvent(request.Name, EventTypes.ActionStartCompleted, "Set up " + request.Name);
        return gitspace;
    }

    public Task<Gitspace> StartAsync(string gitspaceId, IOperationContext context) => this.ChangeAsync("start", gitspaceId, GitspaceState.Running, context);

    public Task<Gitspace> StopAsync(string gitspaceId, IOperationContext context) => this.ChangeAsync("stop", gitspaceId, GitspaceState.Stopped, context);

    public Task<Gitspace> RebuildAsync(string gitspaceId, IOperationContext context) => this.ChangeAsync("rebuild", gitspaceId, GitspaceState.Running, context);

    public async Task DeleteAsync(string gitspaceId, IOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await this.RunDuringAsync("delete", gitspaceId, context);
        this.Gitspaces.TryRemove(gitspaceId, out _);
    }

    public Task<ConnectResult> ConnectAsync(string gitspaceId, string ide, IOperationContext context) =>
        Task.FromResult(new ConnectResult
        {
            SshHost = gitspaceId + ".fake",
            User = "dev",
            WorkspaceFolder = "/workspaces/" + gitspaceId,
            SshCommand = "ssh " + gitspaceId + ".fake",
            RemoteUri = string.Empty,
            Links = new ConnectLinks(),
            Gitspace = this.Gitspaces[gitspaceId],
        });

    public async Task WatchAsync(IGitspaceJournal journal, CancellationToken cancellationToken)
    {
        this.OnWatch?.Invoke(journal);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Watching stops when asked.
        }
    }

    public Gitspace Seed(string gitspaceId, GitspaceState state = GitspaceState.Running, DateTimeOffset? createdAt = null)
    {
        var at = createdAt ?? DateTimeOffset.UtcNow;
        var gitspace = new Gitspace
        {
            Id = gitspaceId,
            Name = gitspaceId,
            Provider = id,
            Repository = new GitspaceRepository { Url = "https://example.test/" + gitspaceId + ".git" },
            Ide = Ides.VsCode,
            State = state,
            CreatedAt = at,
            UpdatedAt = at,
        };
        this.Gitspaces[gitspaceId] = gitspace;
        return gitspace;
    }

    private async Task<Gitspace> ChangeAsync(string operation, string gitspaceId, GitspaceState state, IOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.Calls.Enqueue(operation + " " + gitspaceId);
        await this.RunDuringAsync(operation, gitspaceId, context);
        var changed = this.Gitspaces[gitspaceId] with { State = state, UpdatedAt = DateTimeOffset.UtcNow };
        this.Gitspaces[gitspaceId] = changed;
        context.RecordEvent(gitspaceId, EventTypes.ActionStartCompleted, operation + " done");
        return changed;
    }

    private Task RunDuringAsync(string operation, string gitspaceId, IOperationContext context) =>
        this.During?.Invoke(operation, gitspaceId, context) ?? Task.CompletedTask;
}
