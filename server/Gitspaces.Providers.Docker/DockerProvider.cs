using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Docker.DotNet;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Ports;
using Gitspaces.Core.Providers;
using Gitspaces.Core.Ssh;
using Gitspaces.Core.State;
using Gitspaces.Docker.Engine;
using Gitspaces.Protocol;
using Gitspaces.Providers.Docker.Compose;
using Gitspaces.Providers.Docker.Connect;
using Gitspaces.Providers.Docker.Images;
using Gitspaces.Providers.Docker.Lifecycle;
using Gitspaces.Providers.Docker.Personal;
using Gitspaces.Providers.Docker.Provisioning;
using Gitspaces.Providers.Docker.Trust;
using Gitspaces.Providers.Docker.Watching;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Self-hosted gitspaces on a Docker engine the user owns. Every gitspace is a labelled workspace volume plus a
/// labelled container; the list is read from the engine, so a restarted sidecar finds every gitspace. SSH runs
/// without ports, over an attached exec of <c>sshd -i</c>.
/// </summary>
public sealed partial class DockerProvider : IGitspaceProvider, ISshChannelProvider, IPortChannelProvider, IBackgroundWork, IGitspaceQuery, IAutoStop, IDotfiles, IUserSecrets, IDisposable
{
    /// <summary>The provider id used on the wire.</summary>
    public const string ProviderId = DockerLabels.ProviderValue;

    /// <summary>The environment variable that lets initializeCommand run for every repository, trusted or not.</summary>
    public const string AllowInitializeCommandVariable = "GITSPACES_ALLOW_INITIALIZE_COMMAND";

    private readonly StatePaths paths;
    private readonly Lazy<string> home;
    private readonly DockerProviderOptions options;
    private readonly GitspaceRecordStore records;
    private readonly DockerEngines engines;
    private readonly BackgroundLifecycles background = new();
    private readonly ConcurrentDictionary<string, int> active = new(StringComparer.Ordinal);
    private readonly ContainerSshSetup ssh;
    [SuppressMessage("Performance", "CA1859:Use concrete types when possible for improved performance", Justification = "The seam every kind of gitspace launches through.")]
    private readonly IContainerLauncher launcher;
    private readonly ComposeLauncher composeLauncher;
    private readonly HostAccessGate hostAccess;
    private readonly ImageCleaner images;
    private readonly DockerConnector connector;
    private readonly ContainerGitSetup git;
    private readonly EngineEventWatcher watcher;
    private readonly ISshIdentityStore identities;
    private readonly ISshHostRegistry hosts;

    /// <summary>Initializes a new instance of the <see cref="DockerProvider"/> class.</summary>
    /// <param name="paths">The state directory (records, cached clones, settings).</param>
    /// <param name="identities">Creates and removes each gitspace's SSH keys.</param>
    /// <param name="hosts">Writes and removes each gitspace's SSH host entry.</param>
    /// <param name="options">Host-chosen settings; defaults when <see langword="null"/>.</param>
    public DockerProvider(StatePaths paths, ISshIdentityStore identities, ISshHostRegistry hosts, DockerProviderOptions? options = null)
    {
        this.paths = paths;
        this.home = new Lazy<string>(() => HomeIdentity.Of(paths));
        this.identities = identities;
        this.hosts = hosts;
        this.options = options ?? new DockerProviderOptions();
        this.records = new GitspaceRecordStore(paths);
        this.engines = new DockerEngines(DockerEndpointSetting.Resolve(DockerSettings.Load(paths).Endpoint, this.options.Environment), EngineTimeouts.FromEnvironment(this.options.Environment));
        var passwds = new ImagePasswdCache(paths);
        this.ssh = new ContainerSshSetup(this.engines, this.records);
        var layers = new ImageLayers(this.engines, paths, this.options);
        this.hostAccess = new HostAccessGate(paths, this.options.Environment);
        this.launcher = new SingleContainerLauncher(this.engines, paths, identities, this.records, passwds, this.ssh, layers, this.options, this.hostAccess);
        this.composeLauncher = new ComposeLauncher(this.engines, paths, identities, this.records, this.ssh, new ComposeRunner(this.engines, this.options.Environment), layers, this.options, this.hostAccess);
        this.images = new ImageCleaner(this.engines, passwds, this.options.Log);
        this.git = new ContainerGitSetup(this.engines, this.options);
        this.connector = new DockerConnector(this.engines, identities, hosts, this.records, this.ssh, this.git, () => AgentForwarding.IsOn(paths, this.options.Environment));
        this.watcher = new EngineEventWatcher(this.engines, this.records, this.active.ContainsKey, this.ReadOneAsync, this.options.Log, this.RecordAutoStopAsync);
    }

    /// <inheritdoc/>
    public string Id => ProviderId;

    /// <summary>Returns whether the user let a gitspace use their Docker registry logins inside it (<c>registryCredentials</c> in <c>docker.json</c>; never by default).</summary>
    /// <param name="paths">The state directory.</param>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <returns>Whether it opted in.</returns>
    public static bool AllowsRegistryCredentials(StatePaths paths, string gitspaceId) =>
        DockerSettings.Load(paths).RegistryCredentials?.Contains(gitspaceId, StringComparer.Ordinal) == true;

    /// <inheritdoc/>
    public string DefaultDotfilesTarget => DotfilesInstaller.DefaultTarget;

    /// <inheritdoc/>
    public string SecretsDelivery => "exec-time environment of lifecycle commands; environment= options of the container's authorized_keys (owner-only) for SSH sessions";

    private EngineClient Engine => this.engines.Engine;

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
            Endpoint = this.engines.Endpoint.Display(),
        };
        if (!check)
        {
            return info;
        }

        try
        {
            // Our own client: it has the call limits and tells a Docker engine from anything else at the address.
            var (version, api) = await this.Engine.GetVersionAsync(cancellationToken);
            return info with { Reachable = true, Version = $"{version} (API {api})" };
        }
        catch (Exception ex) when (DockerFailures.IsUnreachable(ex) || ex is DockerApiException or EngineException)
        {
            var error = DockerFailures.Unreachable(this.engines.Endpoint, ex);
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
        this.engines.Reconfigure(DockerEndpointSetting.Resolve(value, this.options.Environment));
        return await this.DescribeAsync(true, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<Gitspace>> ListAsync(CancellationToken cancellationToken) =>
        this.ListAsync(new GitspaceQuery(), cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// Several state homes may share an engine (two users' sidecars, a test and a user): <c>self</c> is the gitspaces
    /// this home made, and those made before homes were recorded; <c>all</c> is every home's.
    /// </remarks>
    public Task<IReadOnlyList<Gitspace>> ListAsync(GitspaceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return this.GuardAsync(() => this.ReadGitspacesAsync(null, cancellationToken, ownOnly: query.Owner != GitspaceOwner.All));
    }

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

            return await this.ReadOneAsync(id, cancellationToken);
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

        try
        {
            return (await this.OperateAsync(request.Name, "create", EventTypes.ActionStartFailed, context, () => this.CreateCoreAsync(request, context)))!;
        }
        catch (GitspaceException ex)
        {
            switch (await this.ContainerExistsAsync(request.Name))
            {
                case false:
                    // Failed before a container existed (a clone, the configuration, an untrusted repository, the
                    // image): nothing is left behind, so the same request can simply be sent again.
                    await this.DiscardAsync(request.Name);
                    throw;
                case true:
                    throw new GitspaceException(ex.Code, ex.Message, ex.Details with
                    {
                        GitspaceId = request.Name,
                        Hint = (ex.Details.Hint is { } hint ? hint + " " : string.Empty)
                            + $"The gitspace '{request.Name}' is left in error: rebuild it (`gitspaces rebuild {request.Name}`) to try again, or delete it (`gitspaces delete {request.Name}`).",
                    }, ex.InnerException);
                default:
                    throw; // The engine cannot tell: what is there stays, in error.
            }
        }
    }

    /// <inheritdoc/>
    public async Task<Gitspace> StartAsync(string id, IOperationContext context)
    {
        // An operation still recorded while this start holds the gitspace's lock was cut short (its process died).
        var interrupted = this.active.ContainsKey(id) ? null : this.records.Read(id).Operation;
        return (await this.OperateAsync(id, "start", EventTypes.ActionStartFailed, context, () => this.StartCoreAsync(id, interrupted, context)))!;
    }

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
        if (!this.active.ContainsKey(id) && this.records.Read(id) is { Operation: { } cut } record)
        {
            // The lock this connect holds hides that the recorded operation's process died: it reads as in progress
            // here, while `get` (which holds no lock) says error. Connect says what `get` says.
            gitspace = gitspace with { State = GitspaceState.Error, Readiness = null, ErrorMessage = record.ErrorMessage ?? GitspaceMapper.Interrupted(cut) };
        }

        if (gitspace.State is GitspaceState.Stopped)
        {
            gitspace = await this.StartAsync(id, context);
        }
        else if (gitspace.State is not GitspaceState.Running)
        {
            throw new GitspaceException(ErrorCodes.InvalidState, $"Gitspace '{id}' is {gitspace.State.ToString().ToLowerInvariant()}{(gitspace.ErrorMessage is null ? string.Empty : ": " + gitspace.ErrorMessage.TrimEnd('.'))}. Start or rebuild it before connecting.", new ErrorData
            {
                Kind = nameof(ErrorCodes.InvalidState),
                GitspaceId = id,
                State = gitspace.State.ToString().ToLowerInvariant(),
                Hint = "Rebuild the gitspace, or delete it and create it again.",
            });
        }

        var known = gitspace;
        return await this.GuardAsync(() => this.connector.ConnectAsync(id, ide, async ct => await this.FindAsync(id, ct) ?? known, context));
    }

    /// <inheritdoc/>
    public Task<Stream> OpenSshChannelAsync(string gitspaceId, CancellationToken cancellationToken) =>
        new DockerSshChannel(this.Engine, this.options.Log).OpenSshChannelAsync(gitspaceId, cancellationToken);

    /// <inheritdoc/>
    public Task<Stream> OpenPortChannelAsync(string gitspaceId, int port, string? service, CancellationToken cancellationToken) =>
        new DockerPortChannel(this.Engine, this.options.Log).OpenPortChannelAsync(gitspaceId, port, service, cancellationToken);

    /// <inheritdoc/>
    public Task<PortSettings> GetPortSettingsAsync(string gitspaceId, CancellationToken cancellationToken) =>
        new DockerPortChannel(this.Engine, this.options.Log).GetPortSettingsAsync(gitspaceId, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<IReadOnlyList<int>> WatchListeningPortsAsync(string gitspaceId, CancellationToken cancellationToken) =>
        new DockerPortChannel(this.Engine, this.options.Log).WatchListeningPortsAsync(gitspaceId, cancellationToken);

    /// <inheritdoc/>
    public Task WatchAsync(IGitspaceJournal journal, CancellationToken cancellationToken) => this.watcher.WatchAsync(journal, cancellationToken);

    /// <summary>
    /// Waits until the lifecycle commands that run after <c>waitFor</c> have finished, for one gitspace or all. A CLI
    /// that exits after <c>up</c> calls this so that postCreate and postStart are not cut short.
    /// </summary>
    /// <param name="gitspaceId">The gitspace, or <see langword="null"/> for every gitspace.</param>
    /// <returns>A task that completes when they have finished.</returns>
    public Task DrainAsync(string? gitspaceId = null) => this.background.DrainAsync(gitspaceId);

    /// <inheritdoc/>
    public async Task CancelAsync(string gitspaceId, string message, IGitspaceJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);

        // The run's commands stop their processes in the container as they are cancelled (LifecycleRunner).
        if (await this.background.StopAsync(gitspaceId))
        {
            this.records.Update(gitspaceId, r => r with { Readiness = null, ErrorMessage = message });
            journal.RecordEvent(gitspaceId, EventTypes.AgentGitspaceStateReportError, message);
            await this.ReportAsync(gitspaceId, journal);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        this.background.CancelAll();
        this.engines.Dispose();
    }

    private async Task<bool?> ContainerExistsAsync(string id)
    {
        try
        {
            // A compose project may have made its other services' containers without the gitspace's own (a database
            // that exited before the app started): those are the gitspace's too, left in error for their logs.
            return await this.InspectContainerAsync(id, CancellationToken.None) is not null
                || (await this.Engine.ListContainersAsync([DockerLabels.ProviderFilter, DockerLabels.IdFilter(id)], CancellationToken.None)).Count > 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    private async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not GitspaceException && ex is not OperationCanceledException && DockerFailures.IsUnreachable(ex))
        {
            throw DockerFailures.Unreachable(this.engines.Endpoint, ex);
        }
        catch (EngineException ex)
        {
            // A read that a Docker engine always answers was refused: whatever answers is of no use.
            throw GitspaceException.ProviderUnavailable(ProviderId, $"The Docker engine at {this.engines.Endpoint.Display()} ({this.engines.Endpoint.Source}) refused a read: {ex.Message}", "Check that DOCKER_HOST or the configured endpoint is a Docker engine.", ex);
        }
    }

    private async Task<IReadOnlyList<Gitspace>> ReadGitspacesAsync(string? id, CancellationToken cancellationToken, bool ownOnly = false)
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

        if (id is null)
        {
            await this.ForgetVanishedAsync(found.Keys, cancellationToken);
        }

        if (ownOnly)
        {
            foreach (var (gitspaceId, (container, volume)) in found.ToList())
            {
                var labels = container?.Labels ?? volume?.Labels;
                if (labels is not null && labels.TryGetValue(DockerLabels.Home, out var owner) && owner != this.home.Value)
                {
                    found.Remove(gitspaceId);
                }
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
        await this.background.StopAsync(id);
        this.active[id] = Environment.ProcessId;
        this.records.Update(id, r => r with { Operation = operation, ErrorMessage = null, Engine = this.engines.Endpoint.Address.ToString() });
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
        _ when DockerFailures.IsUnreachable(ex) => DockerFailures.Unreachable(this.engines.Endpoint, ex),
        DockerApiException or EngineException => GitspaceException.OperationFailed(id, operation, $"The Docker engine refused to {operation} gitspace '{id}': {DockerFailures.EngineMessage(ex)}", null, ex),
        _ => GitspaceException.OperationFailed(id, operation, $"Could not {operation} gitspace '{id}': {ex.Message}", null, ex),
    };

    private async Task ReportAsync(string id, IGitspaceReporter reporter)
    {
        try
        {
            if (await this.ReadGitspacesAsync(id, CancellationToken.None) is [var gitspace])
            {
                reporter.Changed(gitspace);
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

    /// <summary>Reads one gitspace from its labelled container and volume, or null when it has neither.</summary>
    private async Task<Gitspace?> ReadOneAsync(string id, CancellationToken cancellationToken) =>
        (await this.ReadGitspacesAsync(id, cancellationToken)) is [var found, ..] ? found : null;

    private async Task<Gitspace> CurrentAsync(string id, CancellationToken cancellationToken) =>
        await this.ReadOneAsync(id, cancellationToken) ?? throw GitspaceException.NotFound(id);

    private string CloneFolder(string id) => Path.Combine(this.paths.DataDirectory, "docker", "clones", id);
}
