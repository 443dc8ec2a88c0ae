using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Providers;
using Gitspaces.Core.State;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Api;
using Gitspaces.Providers.Harness.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gitspaces.Providers.Harness;

/// <summary>
/// Gitspaces that a Harness control plane runs (hosted CDE or the open-source server), on Harness-hosted or
/// self-hosted infrastructure. The control plane keeps events and logs (<see cref="IProviderHistory"/>); the provider
/// follows each operation to its end state and reports what happens through the <see cref="IOperationContext"/>.
/// </summary>
public sealed partial class HarnessProvider : IGitspaceProvider, IProviderHistory, IDisplayNames, IDisposable
{
    /// <summary>The provider id on the wire.</summary>
    public const string ProviderId = "harness";

    private const string NotLoggedIn = "Not logged in to Harness: run `gitspaces login harness --endpoint <url> --account <id> --org <id> --project <id>` with the token on stdin (or providers/configure).";

    private readonly HarnessProviderOptions options;
    private readonly HarnessSettingsStore settings;
    private readonly Lazy<IHttpClientFactory> httpClientFactory;
    private readonly Lock servicesLock = new();
    private readonly HarnessActivity activity = new();
    private ServiceProvider? ownedServices;

    /// <summary>Initializes a new instance of the <see cref="HarnessProvider"/> class.</summary>
    /// <param name="paths">The state directory: settings and the 0600 token file go in its config directory.</param>
    /// <param name="options">Timing; defaults suit the real control plane.</param>
    /// <param name="environment">Reads environment variables (<c>GITSPACES_HARNESS_TOKEN</c>); the process environment by default.</param>
    /// <param name="httpClientFactory">A factory with the clients of <see cref="HarnessHttpClients.AddHarnessHttpClients"/>; the provider makes its own when absent.</param>
    public HarnessProvider(StatePaths paths, HarnessProviderOptions? options = null, Func<string, string?>? environment = null, IHttpClientFactory? httpClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        this.options = options ?? new HarnessProviderOptions();
        this.settings = new HarnessSettingsStore(paths, environment ?? Environment.GetEnvironmentVariable);
        // The HTTP stack (DI, Polly, Microsoft.Extensions.Http) is built on the first call to the control plane:
        // `gitspaces list` and an editor's start-up must not pay for it when nobody is logged in to Harness.
        this.httpClientFactory = httpClientFactory is null
            ? new Lazy<IHttpClientFactory>(this.CreateOwnedHttpClientFactory, LazyThreadSafetyMode.ExecutionAndPublication)
            : new Lazy<IHttpClientFactory>(httpClientFactory);
    }

    /// <inheritdoc/>
    public string Id => ProviderId;

    /// <inheritdoc/>
    /// <remarks>Harness checks display names as <c>types/check/common.go</c> does: up to 256 characters.</remarks>
    public int MaxDisplayNameLength => 256;

    /// <summary>
    /// Returns a client for the configured control plane, for what the provider interface does not cover yet:
    /// infra providers and machine types for pickers, repository lookup, the VS Code Web token.
    /// </summary>
    /// <returns>The client.</returns>
    public HarnessClient CreateClient()
    {
        var (connection, token) = this.Load() ?? throw new GitspaceException(
            ErrorCodes.ProviderNotConfigured,
            NotLoggedIn,
            new ErrorData { Kind = nameof(ErrorCodes.ProviderNotConfigured), Provider = ProviderId, Hint = "Log in with `gitspaces login harness`." });
        return new HarnessClient(this.httpClientFactory.Value, connection, token);
    }

    /// <inheritdoc/>
    public async Task<ProviderInfo> DescribeAsync(bool check, CancellationToken cancellationToken)
    {
        var loaded = this.Load();
        if (loaded is not var (connection, token))
        {
            return Info(null, configured: false, reachable: false, NotLoggedIn);
        }

        if (!check)
        {
            return Info(connection, configured: true, reachable: false, null);
        }

        return await CheckAsync(new HarnessClient(this.httpClientFactory.Value, connection, token), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ProviderInfo> ConfigureAsync(ConfigureProviderParams configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Provider != ProviderId)
        {
            throw GitspaceException.InvalidParams("$.provider", $"Invalid params: the Harness provider cannot take settings for '{configuration.Provider}'.");
        }

        var (settings, connection) = HarnessConfiguration.Merge(this.settings.ReadSettings(), configuration, this.settings.AllowsInsecureHttp);
        var givenToken = configuration.Token is null ? null : HarnessSettingsStore.NormalizeToken(configuration.Token);
        if (givenToken is not null && givenToken.Any(char.IsControl))
        {
            throw GitspaceException.InvalidParams("$.token", "Invalid params: the token has a line break or control character inside; paste it again on one line.");
        }

        var token = givenToken ?? this.settings.ReadToken()
            ?? throw GitspaceException.InvalidParams("$.token", $"Invalid params: a token is required (give it on stdin to `gitspaces login harness`, or set {HarnessSettingsStore.TokenVariable}).");

        // A token the control plane refuses is not saved: the settings that worked stay as they were.
        var info = await CheckAsync(new HarnessClient(this.httpClientFactory.Value, connection, token), cancellationToken, throwIfRefused: true);
        this.settings.Save(settings, givenToken);
        return info;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Gitspace>> ListAsync(CancellationToken cancellationToken)
    {
        this.activity.Touch();
        var all = await this.CreateClient().ListAllGitspacesAsync(cancellationToken);
        return [.. all.Select(HarnessMapping.ToGitspace)];
    }

    /// <inheritdoc/>
    public async Task<Gitspace?> FindAsync(string id, CancellationToken cancellationToken)
    {
        this.activity.Touch();
        return await this.CreateClient().FindGitspaceAsync(id, cancellationToken) is { } config ? HarnessMapping.ToGitspace(config) : null;
    }

    /// <inheritdoc/>
    public async Task<Gitspace> CreateAsync(CreateRequest request, IOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var client = this.CreateClient();
        var cancellationToken = context.CancellationToken;
        var url = request.Repository.Url ?? string.Empty;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw GitspaceException.InvalidParams("$.repository.url", $"Invalid params: a Harness gitspace clones on the control plane's infrastructure, so repository.url must be an http(s) URL, not '{HarnessClient.RedactUserInfo(url)}'.");
        }

        var cleanUrl = HarnessClient.RedactUserInfo(url);
        var repository = await HarnessRepositoryResolver.ResolveAsync(client, cleanUrl, request.Repository.Type, request.Repository.Branch ?? request.Repository.Ref, cancellationToken);
        var resource = await HarnessMachinePicker.PickAsync(client, request.Resource, cancellationToken);
        var created = await client.CreateGitspaceAsync(
            new HarnessCreateGitspaceRequest
            {
                Identifier = request.Name,
                Name = request.DisplayName ?? request.Name,
                Ide = request.Ide,
                InfraProviderConfigIdentifier = resource.ConfigIdentifier,
                ResourceIdentifier = resource.Identifier,
                ResourceSpaceRef = client.Connection.Flavour == HarnessFlavour.Oss ? new HarnessRoutes(client.Connection).RootSpace : null,
                CodeRepoUrl = cleanUrl,
                CodeRepoType = repository.Type,
                CodeRepoRef = repository.Ref,
                Branch = repository.Branch,
                DevcontainerPath = request.DevcontainerPath,
                SshTokenIdentifier = request.SshKeyId,
            },
            cancellationToken);
        using var following = this.activity.Follow(created.Identifier);
        context.Changed(HarnessMapping.ToGitspace(created));
        if (request.Repository.Token is not null || cleanUrl != url)
        {
            context.WriteLog(created.Identifier, "system", "Harness clones with its own SCM credentials (connectors, OAuth); the repository token was not sent.");
        }

        var follower = this.Follower(client, created.Identifier, context);
        var started = await client.ActionAsync(created.Identifier, "start", cancellationToken);
        return HarnessMapping.ToGitspace(await follower.FollowAsync(FollowGoal.Running, "start", started) ?? throw GitspaceException.NotFound(created.Identifier));
    }

    /// <inheritdoc/>
    public Task<Gitspace> StartAsync(string id, IOperationContext context) => this.RunActionAsync(id, "start", FollowGoal.Running, context);

    /// <inheritdoc/>
    public Task<Gitspace> StopAsync(string id, IOperationContext context) => this.RunActionAsync(id, "stop", FollowGoal.Stopped, context);

    /// <inheritdoc/>
    public async Task<Gitspace> RebuildAsync(string id, IOperationContext context)
    {
        // Harness's reset removes the container and keeps the volume; the next start builds it again.
        ArgumentNullException.ThrowIfNull(context);
        var client = this.CreateClient();
        using var following = this.activity.Follow(id);
        var follower = this.Follower(client, id, context);
        await follower.BeginAsync(isNew: false);
        await follower.FollowAsync(FollowGoal.Reset, "reset", await client.ActionAsync(id, "reset", context.CancellationToken));
        var started = await client.ActionAsync(id, "start", context.CancellationToken);
        return HarnessMapping.ToGitspace(await follower.FollowAsync(FollowGoal.Running, "start", started) ?? throw GitspaceException.NotFound(id));
    }

    /// <inheritdoc/>
    public async Task DeleteAsync(string id, IOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = this.CreateClient();
        using var following = this.activity.Follow(id);
        var follower = this.Follower(client, id, context);
        await follower.BeginAsync(isNew: false);
        await client.DeleteGitspaceAsync(id, context.CancellationToken);
        await follower.FollowAsync(FollowGoal.Deleted, "delete", null);
    }

    /// <inheritdoc/>
    public async Task<ConnectResult> ConnectAsync(string id, string ide, IOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = this.CreateClient();
        using var following = this.activity.Follow(id);
        var config = await client.GetGitspaceAsync(id, context.CancellationToken);
        switch (HarnessMapping.ToState(config.State))
        {
            case GitspaceState.Running:
                break;
            case GitspaceState.Starting:
                config = await this.Follower(client, id, context).FollowAsync(FollowGoal.Running, "start", config) ?? throw GitspaceException.NotFound(id);
                break;
            case GitspaceState.Stopping or GitspaceState.Cleaning:
                throw GitspaceException.Busy(id, config.State);
            default:
                var follower = this.Follower(client, id, context);
                await follower.BeginAsync(isNew: false);
                config = await follower.FollowAsync(FollowGoal.Running, "start", await client.ActionAsync(id, "start", context.CancellationToken)) ?? throw GitspaceException.NotFound(id);
                break;
        }

        // A key the user registered logs in by itself (gitspace.sshKeyId names it): no token is asked for then. Only a
        // web IDE on the hosted gateway needs one, and Harness clears the key of those (update.go updateIDE).
        var webToken = config.Ide == Ides.VsCodeWeb && client.Connection.Flavour == HarnessFlavour.Cde && string.IsNullOrEmpty(config.SshTokenIdentifier)
            ? await client.GetGitspaceTokenAsync(id, context.CancellationToken)
            : null;
        return HarnessConnectLinks.Build(HarnessMapping.ToGitspace(config), config, ide, webToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<GitspaceEvent>> GetEventsAsync(string id, CancellationToken cancellationToken)
    {
        this.activity.Touch();
        var newestFirst = await this.CreateClient().ListAllEventsAsync(id, cancellationToken);
        return [.. newestFirst.Select(HarnessMapping.ToEvent).Reverse()];
    }

    /// <inheritdoc/>
    public async Task<GitspaceLogsResult?> GetLogsAsync(string id, long from, int limit, CancellationToken cancellationToken)
    {
        this.activity.Touch();
        var client = this.CreateClient();
        if (client.StreamsLogs)
        {
            // The open-source server keeps no log after an operation: what this machine followed is in the journal.
            return null;
        }

        var text = await client.GetLogsAsync(id, cancellationToken);
        if (string.IsNullOrEmpty(text))
        {
            // No log yet (the hosted API answers null).
            return new GitspaceLogsResult { Lines = [], Next = from };
        }

        var lines = text.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var now = DateTimeOffset.UtcNow;
        var page = new List<LogLine>();
        for (var pos = from; pos < count && page.Count < limit; pos++)
        {
            var line = lines[pos].TrimEnd('\r');
            page.Add(new LogLine { Pos = pos, Line = line, Time = now, Stream = HarnessMapping.LogStream(line) });
        }

        return new GitspaceLogsResult { Lines = page, Next = from + page.Count };
    }

    /// <inheritdoc/>
    public Task WatchAsync(IGitspaceJournal journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return new HarnessWatcher(this.CreateClient, this.options, this.activity).RunAsync(journal, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (this.servicesLock)
        {
            this.ownedServices?.Dispose();
            this.ownedServices = null;
        }
    }

    private IHttpClientFactory CreateOwnedHttpClientFactory()
    {
        lock (this.servicesLock)
        {
            this.ownedServices = new ServiceCollection().AddHarnessHttpClients(this.options.Http).BuildServiceProvider();
            return this.ownedServices.GetRequiredService<IHttpClientFactory>();
        }
    }

    private static ProviderInfo Info(HarnessConnection? connection, bool configured, bool reachable, string? message, string? version = null) => new()
    {
        Id = ProviderId,
        DisplayName = connection?.Flavour == HarnessFlavour.Oss ? "Harness (open source)" : "Harness CDE",
        Kind = "hosted",
        Configured = configured,
        Reachable = reachable,
        Endpoint = connection?.Endpoint.ToString(),
        Version = version,
        Message = message,

        // The open-source server has no repository listing, and its secret resolver knows only the temporary password.
        Capabilities = connection?.Flavour == HarnessFlavour.Oss ? OpenSourceCapabilities : null,
    };

    private static async Task<ProviderInfo> CheckAsync(HarnessClient client, CancellationToken cancellationToken, bool throwIfRefused = false)
    {
        try
        {
            await client.ListGitspacesAsync(1, 1, cancellationToken);
            var version = client.Connection.Flavour == HarnessFlavour.Cde ? "cde/api/v1" : "api/v1";
            return Info(client.Connection, configured: true, reachable: true, null, version);
        }
        catch (GitspaceException ex) when (!(throwIfRefused && ex.Code == ErrorCodes.Unauthorized))
        {
            return Info(client.Connection, configured: true, reachable: false, ex.Details.Hint is { } hint ? $"{ex.Message} {hint}" : ex.Message);
        }
    }

    private (HarnessConnection Connection, string Token)? Load()
    {
        var saved = this.settings.ReadSettings();
        var token = this.settings.ReadToken();
        return saved is null || token is null ? null : (HarnessConfiguration.ToConnection(saved), token);
    }

    private HarnessOperationFollower Follower(HarnessClient client, string id, IOperationContext context) =>
        new(client, this.options, client.StreamsLogs, id, context);

    private async Task<Gitspace> RunActionAsync(string id, string action, FollowGoal goal, IOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = this.CreateClient();
        using var following = this.activity.Follow(id);
        var follower = this.Follower(client, id, context);
        await follower.BeginAsync(isNew: false);
        var afterAction = await client.ActionAsync(id, action, context.CancellationToken);
        return HarnessMapping.ToGitspace(await follower.FollowAsync(goal, action, afterAction) ?? throw GitspaceException.NotFound(id));
    }

}
