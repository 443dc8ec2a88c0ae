using System.Text.Json;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Protocol;
using Gitspaces.Server.Composition;
using Gitspaces.Server.Forwarding;
using Gitspaces.Server.Logging;
using PolyType;
using StreamJsonRpc;

namespace Gitspaces.Server.Rpc;

/// <summary>
/// The methods the server answers. Each binds its params, checks the session state, calls the service layer (the
/// same one the CLI uses) and maps failures onto protocol errors.
/// </summary>
/// <remarks>
/// Its public methods are the RPC surface. StreamJsonRpc learns them from the PolyType shape generated at compile time
/// (<see cref="RpcServer"/> registers it with <c>RpcTargetMetadata.FromShape</c>), so the Native AOT sidecar never
/// reflects over this class; anything public that is not an RPC method would be callable by a client, so helpers stay internal.
/// </remarks>
[GenerateShape(IncludeMethods = MethodShapeFlags.PublicInstance)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "RpcServer ends the session's forwards with StopForwardingAsync; a Dispose method would be callable as an RPC method.")]
internal sealed partial class GitspacesRpcTarget
{
    private readonly SidecarServices services;
    private readonly Notifier notifier;
    private readonly ServerLog log;
    private readonly CancellationToken serverStopping;
    private readonly TaskCompletionSource<int> exitRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> clientProcess = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ServerLifecycle lifecycle = ServerLifecycle.AwaitingInitialize;
    private IDisposable? subscription;
    private readonly Lock portsGate = new();
    private IDisposable? portSubscription;
    private PortForwarder? forwarder;
    private PortWatch? portWatch;

    internal GitspacesRpcTarget(SidecarServices services, Notifier notifier, ServerLog log, CancellationToken serverStopping)
    {
        this.services = services;
        this.notifier = notifier;
        this.log = log;
        this.serverStopping = serverStopping;
    }

    /// <summary>Gets a task that completes with the exit code when the client sends <c>exit</c>.</summary>
    internal Task<int> ExitRequested => this.exitRequested.Task;

    /// <summary>Gets a task that completes with the client's process id once <c>initialize</c> names it.</summary>
    internal Task<int> ClientProcess => this.clientProcess.Task;

    /// <summary>Gets a value indicating whether <c>shutdown</c> was received.</summary>
    internal bool ShutdownReceived => this.lifecycle == ServerLifecycle.ShuttingDown;

    /// <summary>
    /// Keeps a credential channel to a gitspace this client connects to, for its editor's sessions, while this sidecar
    /// serves (docs/credentials.md); only for hosts in our own SSH entries. It opens beside the editor's connection.
    /// </summary>
    private void ForwardCredentials(string sshHost)
    {
        var registry = new Gitspaces.Ssh.Config.SshHostRegistry(Gitspaces.Ssh.Config.SshHostRegistryOptions.Create(this.services.Paths, Environment.GetEnvironmentVariable("GITSPACES_SSH_CONFIG")));
        if (string.IsNullOrEmpty(sshHost) || registry.FindGitspace(sshHost) is null)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await Credentials.SidecarCredentials.Bridges(this.services.Paths).EnsureAsync(sshHost, this.serverStopping);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or OperationCanceledException or System.Net.Sockets.SocketException)
            {
                this.log.Warn($"git credentials are not forwarded to {sshHost}: {ex.Message}");
            }
        });
    }

    [JsonRpcMethod(Methods.Initialize, UseSingleObjectParameterDeserialization = true)]
    public Task<InitializeResult> InitializeAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default)
    {
        var request = ParamsBinder.Bind(parameters, GitspacesJsonContext.Default.InitializeParams);
        if (this.lifecycle != ServerLifecycle.AwaitingInitialize)
        {
            throw RpcErrors.Create(ErrorCodes.InvalidRequest, "Invalid request: initialize was already received.");
        }

        this.lifecycle = ServerLifecycle.Running;
        this.log.Info($"initialize from {request.ClientInfo?.Name ?? "an unnamed client"} {request.ClientInfo?.Version} (pid {request.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"})");
        if (request.ProcessId is { } pid)
        {
            this.clientProcess.TrySetResult(pid);
        }

        return Task.FromResult(CreateInitializeResult(this.services.Registry.Ids));
    }

    /// <summary>Creates the answer to <c>initialize</c>: who we are and what we can do.</summary>
    /// <param name="providerIds">The providers the sidecar ships with.</param>
    /// <returns>The result.</returns>
    internal static InitializeResult CreateInitializeResult(IReadOnlyList<string> providerIds) => new()
    {
        ServerInfo = new ServerInfo { Name = "gitspaces", Version = VersionInfo.Version },
        ProtocolVersion = ProtocolInfo.Version,
        Capabilities = new ServerCapabilities
        {
            Providers = providerIds,
            Ides = Ides.All,
            Methods = [.. ProtocolCatalog.All.Where(m => m.Direction == "client→server").Select(m => m.Name)],
        },
    };

    [JsonRpcMethod(Methods.Initialized, UseSingleObjectParameterDeserialization = true)]
    public void Initialized(JsonElement? parameters = null)
    {
        _ = parameters;
        if (this.lifecycle == ServerLifecycle.Running && this.subscription is null)
        {
            // Clients hear about every gitspace change from here on, including those made elsewhere.
            this.subscription = this.services.Gitspaces.Subscribe(this.notifier);
            _ = this.WatchAsync();
            _ = this.WatchPortsAsync();
        }
    }

    [JsonRpcMethod(Methods.Shutdown, UseSingleObjectParameterDeserialization = true)]
    public Task<ShutdownResult> ShutdownAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default)
    {
        _ = parameters;
        this.EnsureRunning();
        this.lifecycle = ServerLifecycle.ShuttingDown;
        this.log.Info("shutdown requested");
        return Task.FromResult(new ShutdownResult());
    }

    [JsonRpcMethod(Methods.Exit, UseSingleObjectParameterDeserialization = true)]
    public void Exit(JsonElement? parameters = null)
    {
        _ = parameters;
        this.exitRequested.TrySetResult(this.lifecycle == ServerLifecycle.ShuttingDown ? 0 : 1);
    }

    [JsonRpcMethod(Methods.DevcontainerRead, UseSingleObjectParameterDeserialization = true)]
    public Task<DevcontainerReadResult> DevcontainerReadAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunAsync(parameters, GitspacesJsonContext.Default.DevcontainerReadParams, (request, ct) => DevcontainerReading.ReadAsync(request, this.services.Paths, ct), cancellationToken);

    [JsonRpcMethod(Methods.GitspacesList, UseSingleObjectParameterDeserialization = true)]
    public Task<ListGitspacesResult> ListAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunAsync(parameters, GitspacesJsonContext.Default.ListGitspacesParams, (request, ct) => this.services.Gitspaces.ListMatchingAsync(request, ct), cancellationToken);

    [JsonRpcMethod(Methods.GitspacesGet, UseSingleObjectParameterDeserialization = true)]
    public Task<GetGitspaceResult> GetAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunAsync(
            parameters,
            GitspacesJsonContext.Default.GetGitspaceParams,
            async (request, ct) => new GetGitspaceResult { Gitspace = await this.services.Gitspaces.GetAsync(request.Id, ct) },
            cancellationToken);

    [JsonRpcMethod(Methods.GitspacesCreate, UseSingleObjectParameterDeserialization = true)]
    public Task<CreateGitspaceResult> CreateAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunWithProgressAsync(
            parameters,
            GitspacesJsonContext.Default.CreateGitspaceParams,
            request => request.WorkDoneToken,
            "Creating gitspace",
            async (request, progress, ct) => new CreateGitspaceResult { Gitspace = await this.services.Gitspaces.CreateAsync(request, progress, ct) },
            cancellationToken);

    [JsonRpcMethod(Methods.GitspacesStart, UseSingleObjectParameterDeserialization = true)]
    public Task<StartGitspaceResult> StartAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunWithProgressAsync(
            parameters,
            GitspacesJsonContext.Default.StartGitspaceParams,
            request => request.WorkDoneToken,
            "Starting gitspace",
            async (request, progress, ct) => new StartGitspaceResult { Gitspace = await this.services.Gitspaces.StartAsync(request.Id, progress, ct) },
            cancellationToken);

    [JsonRpcMethod(Methods.GitspacesStop, UseSingleObjectParameterDeserialization = true)]
    public Task<StopGitspaceResult> StopAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunWithProgressAsync(
            parameters,
            GitspacesJsonContext.Default.StopGitspaceParams,
            request => request.WorkDoneToken,
            "Stopping gitspace",
            async (request, progress, ct) => new StopGitspaceResult { Gitspace = await this.services.Gitspaces.StopAsync(request.Id, progress, ct) },
            cancellationToken);

    [JsonRpcMethod(Methods.GitspacesRebuild, UseSingleObjectParameterDeserialization = true)]
    public Task<RebuildGitspaceResult> RebuildAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunWithProgressAsync(
            parameters,
            GitspacesJsonContext.Default.RebuildGitspaceParams,
            request => request.WorkDoneToken,
            "Rebuilding gitspace",
            async (request, progress, ct) => new RebuildGitspaceResult { Gitspace = await this.services.Gitspaces.RebuildAsync(request.Id, progress, ct, request.TrustRepository == true) },
            cancellationToken);

    [JsonRpcMethod(Methods.GitspacesDelete, UseSingleObjectParameterDeserialization = true)]
    public Task<DeleteGitspaceResult> DeleteAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunWithProgressAsync(
            parameters,
            GitspacesJsonContext.Default.DeleteGitspaceParams,
            request => request.WorkDoneToken,
            "Deleting gitspace",
            (request, progress, ct) => this.services.Gitspaces.DeleteAsync(request.Id, progress, ct),
            cancellationToken);

    [JsonRpcMethod(Methods.GitspacesEvents, UseSingleObjectParameterDeserialization = true)]
    public Task<GitspaceEventsResult> EventsAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunAsync(
            parameters,
            GitspacesJsonContext.Default.GitspaceEventsParams,
            async (request, ct) => new GitspaceEventsResult { Events = await this.services.Gitspaces.GetEventsAsync(request.Id, ct) },
            cancellationToken);

    [JsonRpcMethod(Methods.GitspacesLogs, UseSingleObjectParameterDeserialization = true)]
    public Task<GitspaceLogsResult> LogsAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunAsync(
            parameters,
            GitspacesJsonContext.Default.GitspaceLogsParams,
            (request, ct) => this.services.Gitspaces.GetLogsAsync(request.Id, request.From ?? 0, request.Limit ?? 1000, ct),
            cancellationToken);

    [JsonRpcMethod(Methods.GitspacesConnect, UseSingleObjectParameterDeserialization = true)]
    public Task<ConnectResult> ConnectAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunWithProgressAsync(
            parameters,
            GitspacesJsonContext.Default.ConnectParams,
            request => request.WorkDoneToken,
            "Connecting to gitspace",
            async (request, progress, ct) =>
            {
                var result = await this.services.Gitspaces.ConnectAsync(request.Id, request.Ide, progress, ct);
                this.ForwardCredentials(result.SshHost);
                return result;
            },
            cancellationToken);

    [JsonRpcMethod(Methods.GitspacesUpdate, UseSingleObjectParameterDeserialization = true)]
    public Task<UpdateGitspaceResult> UpdateAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunWithProgressAsync(
            parameters,
            GitspacesJsonContext.Default.UpdateGitspaceParams,
            request => request.WorkDoneToken,
            "Updating gitspace",
            async (request, progress, ct) => new UpdateGitspaceResult { Gitspace = await this.services.Gitspaces.UpdateAsync(request, progress, ct) },
            cancellationToken);

    [JsonRpcMethod(Methods.GitspacesCreateOptions, UseSingleObjectParameterDeserialization = true)]
    public Task<CreateOptionsResult> CreateOptionsAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunAsync(parameters, GitspacesJsonContext.Default.CreateOptionsParams, (request, ct) => this.services.Gitspaces.GetCreateOptionsAsync(request.Provider, ct), cancellationToken);

    [JsonRpcMethod(Methods.GitspacesListRepos, UseSingleObjectParameterDeserialization = true)]
    public Task<ListReposResult> ListReposAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunAsync(parameters, GitspacesJsonContext.Default.ListReposParams, (request, ct) => this.services.Gitspaces.ListRepositoriesAsync(request, ct), cancellationToken);

    [JsonRpcMethod(Methods.GitspacesListBranches, UseSingleObjectParameterDeserialization = true)]
    public Task<ListBranchesResult> ListBranchesAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunAsync(parameters, GitspacesJsonContext.Default.ListBranchesParams, (request, ct) => this.services.Gitspaces.ListBranchesAsync(request, ct), cancellationToken);

    [JsonRpcMethod(Methods.GitspacesPorts, UseSingleObjectParameterDeserialization = true)]
    public Task<ListPortsResult> PortsAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunAsync(parameters, GitspacesJsonContext.Default.ListPortsParams, (request, ct) => this.GetPorts().ListAsync(request.Id, ct), cancellationToken);

    [JsonRpcMethod(Methods.GitspacesPortsForward, UseSingleObjectParameterDeserialization = true)]
    public Task<ForwardPortResult> ForwardPortAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunAsync(
            parameters,
            GitspacesJsonContext.Default.ForwardPortParams,
            async (request, ct) => new ForwardPortResult { Forward = await this.GetPorts().ForwardAsync(request, ct) },
            cancellationToken);

    [JsonRpcMethod(Methods.GitspacesPortsStop, UseSingleObjectParameterDeserialization = true)]
    public Task<StopPortForwardResult> StopPortForwardAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunAsync(
            parameters,
            GitspacesJsonContext.Default.StopPortForwardParams,
            async (request, ct) => new StopPortForwardResult { Stopped = await this.GetPorts().StopAsync(request, ct) },
            cancellationToken);

    [JsonRpcMethod(Methods.ProvidersList, UseSingleObjectParameterDeserialization = true)]
    public Task<ListProvidersResult> ListProvidersAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunAsync(
            parameters,
            GitspacesJsonContext.Default.ListProvidersParams,
            async (request, ct) => new ListProvidersResult { Providers = await this.services.Gitspaces.ListProvidersAsync(request.SkipCheck != true, ct) },
            cancellationToken);

    [JsonRpcMethod(Methods.ProvidersConfigure, UseSingleObjectParameterDeserialization = true)]
    public Task<ConfigureProviderResult> ConfigureProviderAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunAsync(
            parameters,
            GitspacesJsonContext.Default.ConfigureProviderParams,
            async (request, ct) => new ConfigureProviderResult { Provider = await this.services.Gitspaces.ConfigureProviderAsync(request, ct) },
            cancellationToken);

    [JsonRpcMethod(Methods.SecretsList, UseSingleObjectParameterDeserialization = true)]
    public Task<ListSecretsResult> ListSecretsAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunAsync(parameters, GitspacesJsonContext.Default.ListSecretsParams, (request, _) => Task.FromResult(new ListSecretsResult { Secrets = this.services.Gitspaces.ListSecrets(request.Repository) }), cancellationToken);

    [JsonRpcMethod(Methods.SecretsSet, UseSingleObjectParameterDeserialization = true)]
    public Task<SetSecretResult> SetSecretAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunAsync(parameters, GitspacesJsonContext.Default.SetSecretParams, (request, _) => Task.FromResult(new SetSecretResult { Secret = this.services.Gitspaces.SetSecret(request) }), cancellationToken);

    [JsonRpcMethod(Methods.SecretsDelete, UseSingleObjectParameterDeserialization = true)]
    public Task<DeleteSecretResult> DeleteSecretAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        this.RunAsync(parameters, GitspacesJsonContext.Default.DeleteSecretParams, (request, _) => Task.FromResult(new DeleteSecretResult { Deleted = this.services.Gitspaces.DeleteSecret(request) }), cancellationToken);

    /// <summary>Stops watching providers (on disconnect).</summary>
    internal void StopWatching() => this.subscription?.Dispose();

    /// <summary>Stops watching ports and ends this session's forwards (the sidecar that owns them is exiting).</summary>
    /// <returns>A task that completes once every listener is closed.</returns>
    internal async Task StopForwardingAsync()
    {
        this.portSubscription?.Dispose();
        if (this.portWatch is { } watch)
        {
            await watch.DisposeAsync();
        }

        if (this.forwarder is { } forwards)
        {
            await forwards.DisposeAsync();
        }
    }

    private GitspacePorts GetPorts()
    {
        lock (this.portsGate)
        {
            if (this.portWatch is null)
            {
                this.forwarder = new PortForwarder(this.services.Paths, "server", this.log.Warn);
                this.portWatch = new PortWatch(this.services.Gitspaces, this.forwarder, p => this.notifier.Send(Methods.PortsChanged, p), this.log.Warn);
            }

            return this.portWatch.Ports;
        }
    }

    private async Task WatchPortsAsync()
    {
        try
        {
            _ = this.GetPorts();
            this.portSubscription = this.services.Gitspaces.Subscribe(this.portWatch!);
            await this.portWatch!.StartAsync(this.serverStopping);
        }
        catch (OperationCanceledException)
        {
        }
#pragma warning disable CA1031 // Watching is best effort: a failure must not take the server down.
        catch (Exception ex)
        {
            this.log.Warn($"watching ports stopped: {ex.Message}");
        }
#pragma warning restore CA1031
    }

    private async Task WatchAsync()
    {
        try
        {
            await this.services.Gitspaces.WatchAsync(this.serverStopping);
        }
        catch (OperationCanceledException)
        {
        }
#pragma warning disable CA1031 // Watching is best effort: a failure must not take the server down.
        catch (Exception ex)
        {
            this.log.Warn($"watching providers stopped: {ex.Message}");
        }
#pragma warning restore CA1031
    }

    private void EnsureRunning()
    {
        switch (this.lifecycle)
        {
            case ServerLifecycle.AwaitingInitialize:
                throw RpcErrors.Create(ErrorCodes.ServerNotInitialized, "The server is not initialized: send initialize first.");
            case ServerLifecycle.ShuttingDown:
                throw RpcErrors.Create(ErrorCodes.InvalidRequest, "Invalid request: the server is shutting down; only exit is accepted.");
        }
    }

    private Task<TResult> RunAsync<TParams, TResult>(
        JsonElement? parameters,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TParams> typeInfo,
        Func<TParams, CancellationToken, Task<TResult>> operation,
        CancellationToken cancellationToken) =>
        this.RunWithProgressAsync(parameters, typeInfo, _ => null, string.Empty, (request, _, ct) => operation(request, ct), cancellationToken);

    private async Task<TResult> RunWithProgressAsync<TParams, TResult>(
        JsonElement? parameters,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TParams> typeInfo,
        Func<TParams, JsonElement?> tokenOf,
        string title,
        Func<TParams, IProgress<OperationProgress>?, CancellationToken, Task<TResult>> operation,
        CancellationToken cancellationToken)
    {
        this.EnsureRunning();
        var request = ParamsBinder.Bind(parameters, typeInfo);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, this.serverStopping);
        var progress = WorkDoneReporter.Begin(this.notifier, tokenOf(request), title);
        var outcome = "failed";
        try
        {
            var result = await operation(request, progress, linked.Token);
            outcome = "done";
            return result;
        }
        catch (GitspaceException ex)
        {
            this.log.Info($"{typeof(TParams).Name}: {ErrorCodes.NameOf(ex.Code)}: {ex.Message}");
            throw RpcErrors.From(ex);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            progress?.End(outcome);

            // The request's own progress and events go out before its response.
            await this.notifier.FlushAsync();
        }
    }
}
