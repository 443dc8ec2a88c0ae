using System.Collections.Concurrent;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Providers;
using Gitspaces.Core.Ssh;
using Gitspaces.Core.State;
using Gitspaces.Docker.Engine;
using Gitspaces.Protocol;
using Gitspaces.Ssh.Links;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Self-hosted gitspaces on a Docker engine the user owns. Every gitspace is a labelled workspace volume plus a
/// labelled container; the list is read from the engine, so a restarted sidecar finds every gitspace. SSH runs
/// without ports, over an attached exec of <c>sshd -i</c>.
/// </summary>
public sealed partial class DockerProvider : IGitspaceProvider, ISshChannelProvider, IDisposable
{
    private const string ProviderId = DockerLabels.ProviderValue;
    private readonly StatePaths paths;
    private readonly ISshIdentityStore identities;
    private readonly ISshHostRegistry hosts;
    private readonly DockerProviderOptions options;
    private readonly GitspaceRecordStore records;
    private readonly HistoryStore history;
    private readonly ImagePasswdCache passwds;
    private readonly ConcurrentDictionary<string, BackgroundLifecycle> background = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> active = new(StringComparer.Ordinal);
    private readonly Lock clientLock = new();
    private DockerEndpoint endpoint;
    private DockerClient? client;
    private EngineClient? engine;

    /// <summary>Initializes a new instance of the <see cref="DockerProvider"/> class.</summary>
    /// <param name="paths">The state directory (records, cached clones, settings).</param>
    /// <param name="identities">Creates and removes each gitspace's SSH keys.</param>
    /// <param name="hosts">Writes and removes each gitspace's SSH host entry.</param>
    /// <param name="options">Host-chosen settings; defaults when <see langword="null"/>.</param>
    public DockerProvider(StatePaths paths, ISshIdentityStore identities, ISshHostRegistry hosts, DockerProviderOptions? options = null)
    {
        this.paths = paths;
        this.identities = identities;
        this.hosts = hosts;
        this.options = options ?? new DockerProviderOptions();
        this.records = new GitspaceRecordStore(paths);
        this.history = new HistoryStore(paths);
        this.passwds = new ImagePasswdCache(paths);
        this.endpoint = DockerEndpointSetting.Resolve(DockerSettings.Load(paths).Endpoint, this.options.Environment);
    }

    /// <inheritdoc/>
    public string Id => ProviderId;

    /// <inheritdoc/>
    public bool OwnsHistory => false;

    private DockerClient Client
    {
        get
        {
            lock (this.clientLock)
            {
                return this.client ??= this.endpoint.CreateClient();
            }
        }
    }

    // The calls people wait for go through our own client; Docker.DotNet (and Newtonsoft.Json) loads only for the rest.
    private EngineClient Engine
    {
        get
        {
            lock (this.clientLock)
            {
                return this.engine ??= new EngineClient(this.endpoint);
            }
        }
    }

    /// <inheritdoc/>
    public async Task<ProviderInfo> DescribeAsync(bool check, CancellationToken cancellationToken)
    {
        var info = new ProviderInfo
        {
            Id = ProviderId,
            DisplayName = "Docker",
            Kind = "self-hosted",
            Configured = true,
            Reachable = false,
            Endpoint = this.endpoint.Display(),
        };
        if (!check)
        {
            return info;
        }

        try
        {
            var version = await this.Client.System.GetVersionAsync(cancellationToken);
            return info with { Reachable = true, Version = $"{version.Version} (API {version.APIVersion})" };
        }
        catch (Exception ex) when (DockerFailures.IsUnreachable(ex) || ex is DockerApiException)
        {
            var error = DockerFailures.Unreachable(this.endpoint, ex);
            return info with { Message = error.Message + " " + error.Details.Hint };
        }
    }

    /// <inheritdoc/>
    public async Task<ProviderInfo> ConfigureAsync(ConfigureProviderParams configuration, CancellationToken cancellationToken)
    {
        var value = string.IsNullOrWhiteSpace(configuration.Endpoint) ? null : configuration.Endpoint.Trim();
        if (value is not null)
        {
            DockerEndpointSetting.Parse(value, "$.endpoint");
        }

        (DockerSettings.Load(this.paths) with { Endpoint = value }).Save(this.paths);
        lock (this.clientLock)
        {
            this.endpoint = DockerEndpointSetting.Resolve(value, this.options.Environment);
            this.client?.Dispose();
            this.client = null;
            this.engine = null;
        }

        return await this.DescribeAsync(true, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<Gitspace>> ListAsync(CancellationToken cancellationToken) =>
        this.GuardAsync(() => this.ReadGitspacesAsync(null, cancellationToken));

    /// <inheritdoc/>
    public async Task<Gitspace?> FindAsync(string id, CancellationToken cancellationToken) =>
        await this.GuardAsync(async () =>
        {
            // One inspect by name answers for every gitspace that has its container; only one without falls back to
            // the labelled volume. (A label-filtered list makes the engine look at every container it has.)
            if (await this.InspectContainerAsync(id, cancellationToken) is { } container
                && container.Config.Labels!.TryGetValue(DockerLabels.Provider, out var provider) && provider == ProviderId)
            {
                return this.MapKnown(id, container.AsSummary(container.State.Status));
            }

            return (await this.ReadGitspacesAsync(id, cancellationToken)) is [var found, ..] ? found : null;
        });

    /// <inheritdoc/>
    public async Task<Gitspace> CreateAsync(CreateRequest request, IOperationContext context)
    {
        // Checked before anything is recorded, so a duplicate name or a stopped engine leaves the existing state alone.
        if (await this.FindAsync(request.Name, context.CancellationToken) is { } existing)
        {
            throw new GitspaceException(ErrorCodes.InvalidState, $"A gitspace named '{request.Name}' already exists ({existing.State.ToString().ToLowerInvariant()}). Delete it first or choose another name.", new ErrorData
            {
                Kind = nameof(ErrorCodes.InvalidState),
                GitspaceId = request.Name,
                State = existing.State.ToString().ToLowerInvariant(),
                Field = "$.name",
            });
        }

        return (await this.OperateAsync(request.Name, "create", EventTypes.ActionStartFailed, context, () => this.CreateCoreAsync(request, context)))!;
    }

    /// <inheritdoc/>
    public async Task<Gitspace> StartAsync(string id, IOperationContext context) =>
        (await this.OperateAsync(id, "start", EventTypes.ActionStartFailed, context, () => this.StartCoreAsync(id, context)))!;

    /// <inheritdoc/>
    public async Task<Gitspace> StopAsync(string id, IOperationContext context) =>
        (await this.OperateAsync(id, "stop", EventTypes.ActionStopFailed, context, () => this.StopCoreAsync(id, context)))!;

    /// <inheritdoc/>
    public async Task<Gitspace> RebuildAsync(string id, IOperationContext context) =>
        (await this.OperateAsync(id, "rebuild", EventTypes.ActionResetFailed, context, () => this.RebuildCoreAsync(id, context)))!;

    /// <inheritdoc/>
    public Task DeleteAsync(string id, IOperationContext context) =>
        this.OperateAsync(id, "delete", EventTypes.AgentGitspaceDeletionFailed, context, async () =>
        {
            await this.DeleteCoreAsync(id, context);
            return (EngineContainer?)null;
        });

    /// <inheritdoc/>
    public async Task<ConnectResult> ConnectAsync(string id, string ide, IOperationContext context)
    {
        var gitspace = await this.FindAsync(id, context.CancellationToken) ?? throw GitspaceException.NotFound(id);
        if (gitspace.State is GitspaceState.Stopped)
        {
            gitspace = await this.StartAsync(id, context);
        }
        else if (gitspace.State is not GitspaceState.Running)
        {
            throw new GitspaceException(ErrorCodes.InvalidState, $"Gitspace '{id}' is {gitspace.State.ToString().ToLowerInvariant()}{(gitspace.ErrorMessage is null ? string.Empty : ": " + gitspace.ErrorMessage)}. Start or rebuild it before connecting.", new ErrorData
            {
                Kind = nameof(ErrorCodes.InvalidState),
                GitspaceId = id,
                State = gitspace.State.ToString().ToLowerInvariant(),
                Hint = "Rebuild the gitspace, or delete it and create it again.",
            });
        }

        return await this.GuardAsync(async () =>
        {
            var container = await this.Engine.InspectContainerAsync(DockerLabels.ContainerName(id), context.CancellationToken) ?? throw GitspaceException.NotFound(id);
            var containerLabels = container.Config.Labels ?? [];
            var user = containerLabels[DockerLabels.RemoteUser];
            var workspace = containerLabels[DockerLabels.WorkspaceFolder];
            var identity = this.identities.GetOrCreate(ProviderId, id);

            // The keys live on this machine; re-installing them costs one small upload and heals a gitspace whose keys were re-created.
            await this.InstallSshFilesAsync(container.Id, identity, user, context.CancellationToken);
            context.RecordEvent(id, EventTypes.AgentConnectStart, "Connecting to the gitspace...");
            var plan = LifecyclePlanOf(containerLabels);
            if (plan.For(LifecycleHooks.PostAttach).Count > 0)
            {
                var runner = this.RunnerFor(id, container.Id, containerLabels);
                try
                {
                    await runner.RunHookAsync(LifecycleHooks.PostAttach, plan.For(LifecycleHooks.PostAttach), context, context.CancellationToken);
                }
                catch (LifecycleCommandFailedException ex)
                {
                    context.RecordEvent(id, EventTypes.AgentConnectFailed, ex.Message);
                    throw GitspaceException.OperationFailed(id, ex.Hook, ex.Message, ex.Log);
                }
            }

            var alias = this.hosts.Register(new SshHostRegistration { Provider = ProviderId, GitspaceId = id, User = user, Identity = identity });
            this.records.Update(id, r => r with { SshHost = alias });
            context.RecordEvent(id, EventTypes.AgentConnectCompleted, $"Connect with `ssh {alias}`");
            var current = await this.FindAsync(id, context.CancellationToken) ?? gitspace;

            // One builder for every editor's link, shared with the CLI's `open`.
            return ConnectResults.WithStandardLinks(
                new ConnectResult
                {
                    SshHost = alias,
                    User = user,
                    WorkspaceFolder = workspace,
                    SshCommand = string.Empty,
                    RemoteUri = string.Empty,
                    Links = new ConnectLinks(),
                    Gitspace = current,
                },
                ide);
        });
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<GitspaceEvent>> GetEventsAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(this.history.ReadEvents(ProviderId, id));

    /// <inheritdoc/>
    public Task<GitspaceLogsResult> GetLogsAsync(string id, long from, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(this.history.ReadLog(ProviderId, id, from, limit));

    /// <inheritdoc/>
    public Task<Stream> OpenSshChannelAsync(string gitspaceId, CancellationToken cancellationToken) =>
        new DockerSshChannel(this.Engine, this.options.Log).OpenSshChannelAsync(gitspaceId, cancellationToken);

    /// <inheritdoc/>
    public async Task WatchAsync(Action<Gitspace> onChange, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await this.WatchOnceAsync(onChange, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (DockerFailures.IsUnreachable(ex) || ex is DockerApiException or EngineException or IOException)
            {
                this.options.Log?.Invoke($"docker events: {DockerFailures.Innermost(ex).Message}; watching again in {delay.TotalSeconds:0.#} s");
            }

            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
        }
    }

    /// <summary>
    /// Waits until the lifecycle commands that run after <c>waitFor</c> have finished, for one gitspace or all. A CLI
    /// that exits after <c>up</c> calls this so that postCreate and postStart are not cut short.
    /// </summary>
    /// <param name="id">The gitspace, or <see langword="null"/> for every gitspace.</param>
    /// <returns>A task that completes when they have finished.</returns>
    public async Task WaitForBackgroundCommandsAsync(string? id = null)
    {
        var tasks = this.background.Where(b => id is null || b.Key == id).Select(b => b.Value.Task).ToList();
        await Task.WhenAll(tasks);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var running in this.background.Values)
        {
            running.Cancellation.Cancel();
        }

        lock (this.clientLock)
        {
            this.client?.Dispose();
            this.client = null;
        }
    }

    private static LifecyclePlan LifecyclePlanOf(IDictionary<string, string> labels) =>
        labels.TryGetValue(DockerLabels.Lifecycle, out var json) && JsonSerializer.Deserialize(json, DockerJsonContext.Default.LifecyclePlan) is { } plan
            ? plan
            : new LifecyclePlan();

    private static string RepositoryName(string url)
    {
        var trimmed = url.TrimEnd('/', '\\');
        var name = trimmed[(trimmed.LastIndexOfAny(['/', '\\', ':']) + 1)..];
        name = name.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        return name.Length == 0 ? "workspace" : name;
    }

    private async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not GitspaceException && ex is not OperationCanceledException && DockerFailures.IsUnreachable(ex))
        {
            throw DockerFailures.Unreachable(this.endpoint, ex);
        }
    }

    private async Task<IReadOnlyList<Gitspace>> ReadGitspacesAsync(string? id, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> filters = id is null ? [DockerLabels.ProviderFilter] : [DockerLabels.ProviderFilter, DockerLabels.IdFilter(id)];
        var containers = this.Engine.ListContainersAsync(filters, cancellationToken);
        var volumes = this.Engine.ListVolumesAsync(filters, cancellationToken);
        await Task.WhenAll(containers, volumes);
        var found = new SortedDictionary<string, (EngineContainer? Container, EngineVolume? Volume)>(StringComparer.Ordinal);
        foreach (var container in await containers)
        {
            if (container.Labels?.TryGetValue(DockerLabels.Id, out var gitspaceId) == true && container.Names.Contains("/" + DockerLabels.ContainerName(gitspaceId)))
            {
                found[gitspaceId] = (container, found.GetValueOrDefault(gitspaceId).Volume);
            }
        }

        foreach (var volume in await volumes)
        {
            if (volume.Labels?.TryGetValue(DockerLabels.Id, out var gitspaceId) == true && volume.Name == DockerLabels.VolumeName(gitspaceId))
            {
                found[gitspaceId] = (found.GetValueOrDefault(gitspaceId).Container, volume);
            }
        }

        return [.. found.Select(f => GitspaceMapper.Map(f.Key, f.Value.Container, f.Value.Volume, this.records.Read(f.Key), () => GitspaceMapper.IsLocked(this.paths, f.Key)))];
    }

    /// <summary>
    /// Runs an operation under the gitspace's record and reports its outcome. The body returns the container as it
    /// left it (so that the result needs no engine call), or <see langword="null"/> to read the gitspace back.
    /// </summary>
    private async Task<Gitspace?> OperateAsync(string id, string operation, string failedEvent, IOperationContext context, Func<Task<EngineContainer?>> body)
    {
        await this.StopBackgroundAsync(id);
        this.active[id] = Environment.ProcessId;
        this.records.Update(id, r => r with { Operation = operation, ErrorMessage = null });
        try
        {
            var known = await body();
            if (operation == "delete")
            {
                return null;
            }

            this.records.Update(id, r => r with { Operation = null });
            return known is null ? await this.CurrentAsync(id, context.CancellationToken) : this.MapKnown(id, known);
        }
        catch (Exception ex)
        {
            var error = this.Explain(id, operation, ex);
            if (operation == "delete" && error is not null && error.Code == ErrorCodes.GitspaceNotFound)
            {
                throw error;
            }

            var message = error?.Message ?? $"The {operation} was cancelled.";
            this.records.Update(id, r => r with { Operation = null, ErrorMessage = message, Readiness = null });
            context.RecordEvent(id, failedEvent, message);
            await this.ReportAsync(id, context);
            if (error is null)
            {
                throw;
            }

            throw error;
        }
        finally
        {
            this.active.TryRemove(id, out _);
        }
    }

    private GitspaceException? Explain(string id, string operation, Exception ex) => ex switch
    {
        GitspaceException known => known,
        OperationCanceledException => null,
        LifecycleCommandFailedException failed => GitspaceException.OperationFailed(id, failed.Hook, failed.Message, failed.Log),
        _ when DockerFailures.IsUnreachable(ex) => DockerFailures.Unreachable(this.endpoint, ex),
        DockerApiException or EngineException => GitspaceException.OperationFailed(id, operation, $"The Docker engine refused to {operation} gitspace '{id}': {DockerFailures.EngineMessage(ex)}", null, ex),
        _ => GitspaceException.OperationFailed(id, operation, $"Could not {operation} gitspace '{id}': {ex.Message}", null, ex),
    };

    private async Task ReportAsync(string id, IOperationContext context)
    {
        try
        {
            if (await this.ReadGitspacesAsync(id, CancellationToken.None) is [var gitspace])
            {
                context.Changed(gitspace);
            }
        }
        catch (Exception ex) when (DockerFailures.IsUnreachable(ex) || ex is DockerApiException or EngineException)
        {
            // The engine is gone too; the failure itself is what the caller reports.
            this.options.Log?.Invoke($"could not read gitspace '{id}' back: {ex.Message}");
        }
    }

    private Gitspace MapKnown(string id, EngineContainer container) =>
        GitspaceMapper.Map(id, container, null, this.records.Read(id), () => GitspaceMapper.IsLocked(this.paths, id));

    private async Task<Gitspace> CurrentAsync(string id, CancellationToken cancellationToken) =>
        (await this.ReadGitspacesAsync(id, cancellationToken)) is [var found, ..] ? found : throw GitspaceException.NotFound(id);

    private string CloneFolder(string id) => Path.Combine(this.paths.DataDirectory, "docker", "clones", id);

    private LifecycleRunner RunnerFor(string id, string containerId, IDictionary<string, string> labels)
    {
        var entries = ImageMetadata.ParseLabel(labels.TryGetValue(DockerLabels.Metadata, out var metadata) ? metadata : null);
        var merged = ImageMetadata.Merge(entries.Count > 0 ? entries[^1] : new System.Text.Json.Nodes.JsonObject(), entries, [.. entries.Select(_ => "image")]);
        var environment = merged.RemoteEnv.Select(e => e.Key + "=" + e.Value).ToList();
        return new LifecycleRunner(this.Engine, id, containerId, labels[DockerLabels.RemoteUser], labels[DockerLabels.WorkspaceFolder], environment);
    }

    private async Task InstallSshFilesAsync(string containerId, SshIdentity identity, string remoteUser, CancellationToken cancellationToken)
    {
        using var tar = TarArchives.FromFiles(SshSetup.Files(identity, remoteUser));
        await this.Engine.PutArchiveAsync(containerId, "/", tar, cancellationToken);
    }

    private async Task StopBackgroundAsync(string id)
    {
        if (this.background.TryRemove(id, out var running))
        {
            await running.Cancellation.CancelAsync();
            try
            {
                await running.Task;
            }
            catch (OperationCanceledException)
            {
                // Cancelled on purpose: the next operation takes over.
            }

            running.Cancellation.Dispose();
        }
    }

    private async Task WatchOnceAsync(Action<Gitspace> onChange, CancellationToken cancellationToken)
    {
        var filters = new Dictionary<string, IDictionary<string, bool>>
        {
            ["type"] = new Dictionary<string, bool> { ["container"] = true },
            ["label"] = new Dictionary<string, bool> { [DockerLabels.ProviderFilter] = true },
            ["event"] = new Dictionary<string, bool> { ["start"] = true, ["die"] = true, ["stop"] = true, ["destroy"] = true, ["pause"] = true, ["unpause"] = true },
        };
        var queue = System.Threading.Channels.Channel.CreateUnbounded<Message>(new() { SingleReader = true });
        var pump = Task.Run(
            async () =>
            {
                await foreach (var message in queue.Reader.ReadAllAsync(cancellationToken))
                {
                    try
                    {
                        await this.HandleEngineEventAsync(message, onChange, cancellationToken);
                    }
#pragma warning disable CA1031 // One bad event (or a failing observer) must not end watching.
                    catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                    {
                        this.options.Log?.Invoke($"docker event {message.Action} of {message.ID}: {ex.Message}");
                    }
                }
            },
            cancellationToken);
        try
        {
            await this.Client.System.MonitorEventsAsync(new ContainerEventsParameters { Filters = filters }, new SyncProgress<Message>(m => queue.Writer.TryWrite(m)), cancellationToken);
        }
        finally
        {
            queue.Writer.TryComplete();
            await pump.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private async Task HandleEngineEventAsync(Message message, Action<Gitspace> onChange, CancellationToken cancellationToken)
    {
        if (message.Actor?.Attributes is not { } attributes || !attributes.TryGetValue(DockerLabels.Id, out var id))
        {
            return;
        }

        var record = this.records.Read(id);
        var eventTime = DateTimeOffset.FromUnixTimeMilliseconds(message.TimeNano / 1_000_000);

        // Our own operations change containers too; only what happened outside one of them is "external".
        var ours = this.active.ContainsKey(id) || record.Operation is not null || eventTime < record.UpdatedAt;
        Gitspace? gitspace;
        try
        {
            gitspace = (await this.ReadGitspacesAsync(id, cancellationToken)) is [var found, ..] ? found : null;
        }
        catch (Exception ex) when (DockerFailures.IsUnreachable(ex) || ex is DockerApiException or EngineException)
        {
            return;
        }

        if (gitspace is null)
        {
            return;
        }

        if (!ours)
        {
            var what = message.Action switch
            {
                "die" or "stop" => "stopped",
                "start" => "started",
                "destroy" => "removed",
                var other => other,
            };
            if (message.Action == "start")
            {
                // Started behind our back: postStart did not run through us, so we cannot vouch for setup.
                this.records.Update(id, r => r with { Readiness = null });
                gitspace = gitspace with { Readiness = GitspaceReadiness.Ready };
            }

            this.history.AppendEvent(ProviderId, id, new GitspaceEvent
            {
                Type = EventTypes.GitspaceChangedExternally,
                Message = $"The container was {what} outside gitspaces (docker {message.Action}); the gitspace is now {gitspace.State.ToString().ToLowerInvariant()}.",
                Timestamp = eventTime,
            });
        }

        onChange(gitspace);
    }

    private sealed record BackgroundLifecycle(Task Task, CancellationTokenSource Cancellation);
}
