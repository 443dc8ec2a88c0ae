using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Ports;
using Gitspaces.Core.Providers;
using Gitspaces.Core.Secrets;
using Gitspaces.Core.Settings;
using Gitspaces.Core.State;
using Gitspaces.Core.Trust;
using Gitspaces.Protocol;

namespace Gitspaces.Core;

/// <summary>
/// The one code path of every gitspace operation, for the RPC methods and the CLI alike: it validates requests,
/// finds the provider, takes the per-gitspace lock, records history and tells observers.
/// </summary>
public sealed class GitspaceService
{
    private readonly IReadOnlyList<IGitspaceProvider> providers;
    private readonly HistoryStore history;
    private readonly StatePaths paths;
    private readonly ObserverSet observers = new();
    private readonly ProviderRouter router;
    private readonly ITrustPolicy trust;
    private readonly SecretStore secrets;
    private readonly Dictionary<string, IGitspaceJournal> journals = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="GitspaceService"/> class.</summary>
    /// <param name="providers">The providers, in the order ids are looked up; the first is the default.</param>
    /// <param name="paths">The state directory.</param>
    /// <param name="trust">Decides how far repositories may reach this machine; a <see cref="RepositoryTrustPolicy"/> over the state directory's <see cref="TrustStore"/> when <see langword="null"/>.</param>
    public GitspaceService(IReadOnlyList<IGitspaceProvider> providers, StatePaths paths, ITrustPolicy? trust = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        if (providers.Count == 0)
        {
            throw new ArgumentException("At least one provider is needed.", nameof(providers));
        }

        this.providers = providers;
        this.paths = paths;
        paths.EnsurePrivateRoots();
        this.history = new HistoryStore(paths);
        this.router = new ProviderRouter(providers, paths);
        this.trust = trust ?? new RepositoryTrustPolicy(new TrustStore(paths));
        this.secrets = new SecretStore(paths);
        foreach (var provider in providers)
        {
            this.journals[provider.Id] = new GitspaceJournal(provider.Id, this.history, this.observers, g => this.router.Remember(provider, g.Id));
        }
    }

    /// <summary>Gets the history store.</summary>
    public HistoryStore History => this.history;

    /// <summary>Subscribes an observer to every change, event and log line.</summary>
    /// <param name="observer">The observer.</param>
    /// <returns>Disposing it unsubscribes.</returns>
    public IDisposable Subscribe(IGitspaceObserver observer) => this.observers.Add(observer);

    /// <summary>Describes every provider.</summary>
    /// <param name="check">Whether to contact each one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The providers' status.</returns>
    public async Task<IReadOnlyList<ProviderInfo>> ListProvidersAsync(bool check, CancellationToken cancellationToken)
    {
        var tasks = this.providers.Select(async p => WithCapabilities(p, await p.DescribeAsync(check, cancellationToken)));
        return await Task.WhenAll(tasks);
    }

    /// <summary>Configures a provider.</summary>
    /// <param name="configuration">The settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The provider's status afterwards.</returns>
    public async Task<ProviderInfo> ConfigureProviderAsync(ConfigureProviderParams configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = this.router.Named(configuration.Provider, "$.provider");
        return WithCapabilities(provider, await provider.ConfigureAsync(configuration, cancellationToken));
    }

    /// <summary>Lists gitspaces of one provider, or of every configured provider.</summary>
    /// <param name="providerId">The provider, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspaces, newest first, and the providers that failed.</returns>
    public Task<ListGitspacesResult> ListAsync(string? providerId, CancellationToken cancellationToken) =>
        this.ListMatchingAsync(new ListGitspacesParams { Provider = providerId }, cancellationToken);

    /// <summary>Lists gitspaces of one provider, or of every configured provider, filtered and ordered.</summary>
    /// <param name="request">The provider and the filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspaces that match, in the order asked, and the providers that failed.</returns>
    public async Task<ListGitspacesResult> ListMatchingAsync(ListGitspacesParams request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = ToQuery(request);
        if (request.Provider is { } providerId)
        {
            var provider = this.router.Named(providerId, "$.provider");
            var only = await ListOneAsync(provider, query, cancellationToken);
            this.router.Remember(provider, only);
            return new ListGitspacesResult { Gitspaces = [.. only.Where(query.Matches).OrderByDescending(query.OrderKey)] };
        }

        var gitspaces = new List<Gitspace>();
        var problems = new List<ProviderProblem>();
        var results = await Task.WhenAll(this.providers.Select(async p =>
        {
            var info = await p.DescribeAsync(false, cancellationToken);
            if (!info.Configured)
            {
                return (p, (IReadOnlyList<Gitspace>)[], (GitspaceException?)null);
            }

            try
            {
                return (p, await ListOneAsync(p, query, cancellationToken), null);
            }
            catch (GitspaceException ex)
            {
                return (p, [], ex);
            }
        }));
        foreach (var (provider, list, error) in results)
        {
            if (error is not null)
            {
                problems.Add(new ProviderProblem { Provider = provider.Id, Code = error.Code, Message = error.Message });
            }

            this.router.Remember(provider, list);
            gitspaces.AddRange(list);
        }

        // With one provider there is nothing partial to show: its failure is the answer.
        if (problems.Count > 0 && gitspaces.Count == 0 && results.Count(r => r.Item3 is not null) == results.Length)
        {
            throw results.First(r => r.Item3 is not null).Item3!;
        }

        return new ListGitspacesResult
        {
            Gitspaces = [.. gitspaces.Where(query.Matches).OrderByDescending(query.OrderKey)],
            Problems = problems.Count > 0 ? problems : null,
        };
    }

    /// <summary>Returns one gitspace.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspace.</returns>
    public async Task<Gitspace> GetAsync(string id, CancellationToken cancellationToken)
    {
        var (_, gitspace) = await this.router.ResolveAsync(id, cancellationToken);
        return gitspace;
    }

    /// <summary>Creates a gitspace and starts it.</summary>
    /// <param name="request">The request.</param>
    /// <param name="progress">Receives progress reports.</param>
    /// <param name="cancellationToken">Cancels the creation; what was made is cleaned up and the gitspace left in error.</param>
    /// <returns>The gitspace.</returns>
    public async Task<Gitspace> CreateAsync(CreateGitspaceParams request, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
    {
        var provider = this.router.Named(request.Provider ?? this.providers[0].Id, "$.provider");
        var repository = request.Repository;
        var source = repository.Url ?? repository.Path;
        if (string.IsNullOrWhiteSpace(source))
        {
            throw GitspaceException.InvalidParams("$.repository.url", "Invalid params: repository.url is required (a clone URL or a local path).");
        }

        var ide = request.Ide is null ? Ides.VsCode : IdeNames.Normalize(request.Ide)
            ?? throw GitspaceException.InvalidParams("$.ide", $"Invalid params: ide '{request.Ide}' is not one of {IdeNames.Help}.");

        string name;
        string? displayName = null;
        if (request.Name is { } given)
        {
            if (GitspaceNames.Validate(given) is null)
            {
                name = given;
            }
            else if (provider is IDisplayNames names)
            {
                // Any text names a gitspace where the provider keeps a display name; the id is derived from it.
                displayName = CheckDisplayName(given, names, "$.name");
                name = await FreeNameAsync(provider, GitspaceNames.FromDisplayName(displayName), cancellationToken);
            }
            else
            {
                throw GitspaceException.InvalidParams("$.name", $"Invalid params: name '{given}': {GitspaceNames.Validate(given)} (The {provider.Id} provider has no display names: the name is the id.)");
            }
        }
        else
        {
            name = await FreeNameAsync(provider, GitspaceNames.FromRepository(source), cancellationToken);
        }

        CheckSshKey(provider, request.SshKeyId, ide, "$.sshKeyId");
        var (dotfiles, autoStop) = this.PersonalizationOf(provider, request);
        var createRequest = new CreateRequest
        {
            Name = name,
            DisplayName = displayName,
            Repository = repository with { Url = source, Branch = repository.Branch ?? repository.Ref },
            DevcontainerPath = request.DevcontainerPath,
            Ide = ide,
            Resource = request.Resource,
            SshKeyId = request.SshKeyId,
            Dotfiles = dotfiles,
            AutoStopSeconds = autoStop,
        };
        Gitspace gitspace;
        try
        {
            gitspace = await this.RunLockedAsync(provider, name, null, context => provider.CreateAsync(createRequest, context), progress, cancellationToken, request.TrustRepository == true);
        }
        catch (GitspaceException)
        {
            await this.ForgetIfGoneAsync(provider, name);
            throw;
        }

        this.router.Remember(provider, gitspace.Id);
        if (gitspace.Id != name)
        {
            // The control plane chose an id of its own: from now on the gitspace is locked by that id.
            GitspaceLock.TryRemove(this.paths, provider.Id, name);
        }

        // Clients hear the final state from the service, whatever the provider reported on the way.
        this.observers.Changed(gitspace);
        return gitspace;
    }

    /// <summary>Starts a gitspace.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="progress">Receives progress reports.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspace once running.</returns>
    public Task<Gitspace> StartAsync(string id, IProgress<OperationProgress>? progress, CancellationToken cancellationToken) =>
        this.RunOnExistingAsync(id, (p, c) => p.StartAsync(id, c), progress, cancellationToken);

    /// <summary>Stops a gitspace.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="progress">Receives progress reports.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspace once stopped.</returns>
    public Task<Gitspace> StopAsync(string id, IProgress<OperationProgress>? progress, CancellationToken cancellationToken) =>
        this.RunOnExistingAsync(id, (p, c) => p.StopAsync(id, c), progress, cancellationToken);

    /// <summary>Rebuilds a gitspace's container, keeping its workspace files.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="progress">Receives progress reports.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="trustRepository">Whether the user trusts the gitspace's repository from now on (see <see cref="TrustRequest.Consent"/>).</param>
    /// <returns>The gitspace once running again.</returns>
    public Task<Gitspace> RebuildAsync(string id, IProgress<OperationProgress>? progress, CancellationToken cancellationToken, bool trustRepository = false) =>
        this.RunOnExistingAsync(id, (p, c) => p.RebuildAsync(id, c), progress, cancellationToken, trustRepository);

    /// <summary>Deletes a gitspace and everything it owns, including its history.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="progress">Receives progress reports.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    public async Task<DeleteGitspaceResult> DeleteAsync(string id, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
    {
        var (provider, gitspace) = await this.router.ResolveAsync(id, cancellationToken);
        await this.RunLockedAsync(
            provider,
            id,
            gitspace.State,
            async context =>
            {
                await provider.DeleteAsync(id, context);
                return gitspace;
            },
            progress,
            cancellationToken);
        this.history.Remove(provider.Id, id);
        GitspaceLock.TryRemove(this.paths, provider.Id, id);
        this.router.Forget(id);
        this.observers.Changed(gitspace with { State = GitspaceState.Deleted, Readiness = null, UpdatedAt = DateTimeOffset.UtcNow });
        return new DeleteGitspaceResult { Id = id, Deleted = true };
    }

    /// <summary>Prepares a gitspace for an editor and returns how to connect.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="ide">The IDE to make links for; the gitspace's own when absent.</param>
    /// <param name="progress">Receives progress reports.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connection details.</returns>
    public async Task<ConnectResult> ConnectAsync(string id, string? ide, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
    {
        if (ide is not null)
        {
            ide = IdeNames.Normalize(ide) ?? throw GitspaceException.InvalidParams("$.ide", $"Invalid params: ide '{ide}' is not one of {IdeNames.Help}.");
        }

        var (provider, gitspace) = await this.router.ResolveAsync(id, cancellationToken);
        return await this.RunLockedAsync(provider, id, gitspace.State, context => provider.ConnectAsync(id, ide ?? gitspace.Ide, context), progress, cancellationToken);
    }

    /// <summary>
    /// Returns a gitspace and the port channel of its provider, for forwards, the port list and port detection. Ports
    /// take no lock: a forward lives beside the gitspace's operations, and ends when the gitspace stops.
    /// </summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspace as it is now, the channel, and the journal that records and announces what forwards do.</returns>
    public async Task<(Gitspace Gitspace, IPortChannelProvider Channel, IGitspaceJournal Journal)> GetPortChannelAsync(string id, CancellationToken cancellationToken)
    {
        var (provider, gitspace) = await this.router.ResolveAsync(id, cancellationToken);
        if (provider is not IPortChannelProvider channel)
        {
            throw new GitspaceException(ErrorCodes.NotSupported, $"The {provider.Id} provider does not forward ports of gitspace '{id}' through the sidecar.", new ErrorData
            {
                Kind = nameof(ErrorCodes.NotSupported),
                GitspaceId = id,
                Provider = provider.Id,
                Hint = "Open the gitspace in an editor over SSH (gitspaces open, or gitspaces ssh with -L); the editor's own SSH session forwards its ports.",
            });
        }

        return (gitspace, channel, this.journals[provider.Id]);
    }

    /// <summary>Changes a gitspace's display name, IDE, machine or SSH key, where its provider allows.</summary>
    /// <param name="request">What to change.</param>
    /// <param name="progress">Receives progress reports.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The gitspace as it is afterwards.</returns>
    public async Task<Gitspace> UpdateAsync(UpdateGitspaceParams request, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Ide is { } ide)
        {
            request = request with { Ide = IdeNames.Normalize(ide) ?? throw GitspaceException.InvalidParams("$.ide", $"Invalid params: ide '{ide}' is not one of {IdeNames.Help}.") };
        }

        var (provider, gitspace) = await this.router.ResolveAsync(request.Id, cancellationToken);
        if (request.AutoStopSeconds is { } autoStop)
        {
            CheckAutoStop(provider, autoStop, "$.autoStopSeconds");
            var onlyAutoStop = request.Name is null && request.Ide is null && request.Resource is null && request.SshKeyId is null;
            var stopping = (IAutoStop)provider;
            var changed = await this.RunLockedAsync(provider, request.Id, gitspace.State, context => stopping.SetAutoStopAsync(request.Id, autoStop, context), progress, cancellationToken);
            if (onlyAutoStop)
            {
                this.observers.Changed(changed);
                return changed;
            }
        }

        if (provider is not IGitspaceUpdates updates)
        {
            throw new GitspaceException(
                ErrorCodes.NotSupported,
                $"The {provider.Id} provider cannot change a gitspace once made: its name is its id, and its IDE and machine are part of what was built.",
                new ErrorData { Kind = nameof(ErrorCodes.NotSupported), Provider = provider.Id, GitspaceId = request.Id, Hint = "Connect with another IDE for one session (gitspaces/connect's ide, `gitspaces open --ide`), or make a new gitspace." });
        }

        var update = new GitspaceUpdate
        {
            DisplayName = request.Name is { } name ? CheckUpdatedName(provider, gitspace, name) : null,
            Ide = request.Ide,
            Resource = request.Resource,
            SshKeyId = request.SshKeyId,
        };
        CheckSshKey(provider, request.SshKeyId, request.Ide ?? gitspace.Ide, "$.sshKeyId");
        if (update.IsEmpty)
        {
            throw GitspaceException.InvalidParams("$", "Invalid params: give at least one of name, ide, resource, sshKeyId and autoStopSeconds to change.");
        }

        var result = await this.RunLockedAsync(provider, request.Id, gitspace.State, context => updates.UpdateAsync(request.Id, update, context), progress, cancellationToken);
        this.observers.Changed(result);
        return result;
    }

    /// <summary>Returns what a create or update wizard may offer for a provider.</summary>
    /// <param name="providerId">The provider.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The IDEs, machines and regions its account allows.</returns>
    public Task<CreateOptionsResult> GetCreateOptionsAsync(string providerId, CancellationToken cancellationToken)
    {
        var provider = this.router.Named(providerId, "$.provider");
        return provider is ICreateOptions options
            ? options.GetCreateOptionsAsync(cancellationToken)
            : Task.FromResult(new CreateOptionsResult { Ides = Ides.All, Machines = [], Ssh = true, SshKeys = provider is IRegisteredSshKeys });
    }

    /// <summary>Lists the repositories of a git provider the user connected to a hosted provider.</summary>
    /// <param name="request">The provider, the repository type and the search text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repositories.</returns>
    public async Task<ListReposResult> ListRepositoriesAsync(ListReposParams request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var browser = this.BrowserOf(request.Provider);
        return new ListReposResult { Repositories = await browser.ListRepositoriesAsync(request.RepositoryType, request.Search, cancellationToken) };
    }

    /// <summary>Lists a repository's branches, as a hosted provider sees it.</summary>
    /// <param name="request">The provider, the repository and the search text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The branch names.</returns>
    public async Task<ListBranchesResult> ListBranchesAsync(ListBranchesParams request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var browser = this.BrowserOf(request.Provider);
        return new ListBranchesResult { Branches = await browser.ListBranchesAsync(request.Url, request.RepositoryType, request.Search, cancellationToken) };
    }

    /// <summary>Returns a gitspace's events.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The events, oldest first.</returns>
    public async Task<IReadOnlyList<GitspaceEvent>> GetEventsAsync(string id, CancellationToken cancellationToken)
    {
        var provider = await this.router.OfHistoryAsync(id, cancellationToken);
        return provider is IProviderHistory own ? await own.GetEventsAsync(id, cancellationToken) : this.history.ReadEvents(provider.Id, id);
    }

    /// <summary>Returns a page of a gitspace's log.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="from">The first position.</param>
    /// <param name="limit">The most lines.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public async Task<GitspaceLogsResult> GetLogsAsync(string id, long from, int limit, CancellationToken cancellationToken)
    {
        if (from < 0)
        {
            throw GitspaceException.InvalidParams("$.from", "Invalid params: from must be 0 or more.");
        }

        if (limit is < 1 or > 10_000)
        {
            throw GitspaceException.InvalidParams("$.limit", "Invalid params: limit must be between 1 and 10000.");
        }

        var provider = await this.router.OfHistoryAsync(id, cancellationToken);
        return (provider is IProviderHistory own ? await own.GetLogsAsync(id, from, limit, cancellationToken) : null)
            ?? this.history.ReadLog(provider.Id, id, from, limit);
    }

    /// <summary>Watches every configured provider for changes made elsewhere and tells observers, until cancelled.</summary>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>A task that completes when watching stops.</returns>
    public Task WatchAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(this.providers.Select(async provider =>
        {
            var info = await provider.DescribeAsync(false, cancellationToken);
            if (info.Configured)
            {
                await provider.WatchAsync(this.journals[provider.Id], cancellationToken);
            }
        }));

    /// <summary>
    /// Waits until the work operations left running (lifecycle commands after <c>waitFor</c>) has finished, for one
    /// gitspace or all. A process that exits after an operation calls this so that the work is not cut short.
    /// </summary>
    /// <param name="gitspaceId">The gitspace, or <see langword="null"/> for every gitspace.</param>
    /// <returns>A task that completes when that work has finished.</returns>
    public Task DrainBackgroundWorkAsync(string? gitspaceId) =>
        Task.WhenAll(this.providers.OfType<IBackgroundWork>().Select(p => p.DrainAsync(gitspaceId)));

    /// <summary>
    /// Waits until the work an operation left running for a gitspace has finished; when <paramref name="cancellationToken"/>
    /// fires first, stops that work (its processes in the gitspace too) and leaves the gitspace in error with
    /// <paramref name="cancelledMessage"/>, as a cancel during the operation itself does.
    /// </summary>
    /// <param name="gitspaceId">The gitspace.</param>
    /// <param name="cancelledMessage">The gitspace's error message after a cancel, for example "The create was cancelled.".</param>
    /// <param name="cancellationToken">The user's cancel (Ctrl+C).</param>
    /// <returns>A task that completes when the work has finished.</returns>
    /// <exception cref="OperationCanceledException">The user cancelled; the work has been stopped.</exception>
    public async Task DrainBackgroundWorkAsync(string gitspaceId, string cancelledMessage, CancellationToken cancellationToken)
    {
        var drained = this.DrainBackgroundWorkAsync(gitspaceId);
        try
        {
            await drained.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !drained.IsCompleted)
        {
            await Task.WhenAll(this.providers.Where(p => p is IBackgroundWork).Select(p => ((IBackgroundWork)p).CancelAsync(gitspaceId, cancelledMessage, this.journals[p.Id])));
            throw;
        }
    }

    /// <summary>Lists the user's secrets: names and scopes, never values.</summary>
    /// <param name="repository">Only those that reach this repository, when given.</param>
    /// <returns>The secrets.</returns>
    public IReadOnlyList<SecretInfo> ListSecrets(string? repository = null) => this.secrets.List(repository);

    /// <summary>Sets a secret; gitspaces in its scope get it from their next create, start or rebuild.</summary>
    /// <param name="request">The name, value and scope.</param>
    /// <returns>The secret as stored, without its value.</returns>
    public SecretInfo SetSecret(SetSecretParams request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return this.secrets.Set(request.Name, request.Value, request.Scope);
    }

    /// <summary>Deletes a secret; gitspaces lose it at their next start.</summary>
    /// <param name="request">The name and scope.</param>
    /// <returns>Whether it existed.</returns>
    public bool DeleteSecret(DeleteSecretParams request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return this.secrets.Delete(request.Name, request.Scope);
    }

    private static void CheckAutoStop(IGitspaceProvider provider, int seconds, string field)
    {
        if (provider is not IAutoStop)
        {
            throw new GitspaceException(
                ErrorCodes.NotSupported,
                $"The {provider.Id} provider has no per-gitspace idle timeout.",
                new ErrorData { Kind = nameof(ErrorCodes.NotSupported), Provider = provider.Id, Hint = "Hosted gitspaces stop after the idle time their account's or infrastructure's settings give (Harness: auto_stopping_time_in_mins)." });
        }

        if (seconds is < 0 or > IdleTimeout.MaxSeconds)
        {
            throw GitspaceException.InvalidParams(field, $"Invalid params: {field[2..]} must be between 0 (never) and {IdleTimeout.MaxSeconds}.");
        }
    }

    /// <summary>The dotfiles and idle timeout of a new gitspace: the request's, else the user's settings, else the defaults.</summary>
    private (DotfilesSource? Dotfiles, int? AutoStopSeconds) PersonalizationOf(IGitspaceProvider provider, CreateGitspaceParams request)
    {
        if (request.Dotfiles is { } asked && !string.IsNullOrWhiteSpace(asked.Repository) && provider is not IDotfiles)
        {
            throw new GitspaceException(
                ErrorCodes.NotSupported,
                $"The {provider.Id} provider does not install dotfiles.",
                new ErrorData { Kind = nameof(ErrorCodes.NotSupported), Provider = provider.Id, Hint = "Install them from a postCreateCommand of the repository's devcontainer.json, or use the provider's own personalization." });
        }

        if (request.AutoStopSeconds is { } seconds)
        {
            CheckAutoStop(provider, seconds, "$.autoStopSeconds");
        }

        if (provider is not (IDotfiles or IAutoStop))
        {
            return (null, null);
        }

        var settings = request.Dotfiles is null || request.AutoStopSeconds is null ? UserSettings.Load(this.paths) : new UserSettings();
        var dotfiles = provider is IDotfiles ? request.Dotfiles ?? settings.Dotfiles : null;
        if (dotfiles is not null && string.IsNullOrWhiteSpace(dotfiles.Repository))
        {
            dotfiles = null; // An empty repository turns the user's default off for this gitspace.
        }

        int? autoStop = provider is IAutoStop ? request.AutoStopSeconds ?? settings.AutoStopSeconds ?? IdleTimeout.DefaultSeconds : null;
        return (dotfiles, autoStop);
    }

    private static ProviderInfo WithCapabilities(IGitspaceProvider provider, ProviderInfo info) =>
        info with { Capabilities = ProviderCapabilityList.Of(provider, info) };

    private static GitspaceQuery ToQuery(ListGitspacesParams request)
    {
        var owner = request.Owner ?? GitspaceOwner.Self;
        if (owner is not (GitspaceOwner.Self or GitspaceOwner.All))
        {
            throw GitspaceException.InvalidParams("$.owner", $"Invalid params: owner '{owner}' is not {GitspaceOwner.Self} or {GitspaceOwner.All}.");
        }

        var sort = request.Sort ?? GitspaceListSort.Created;
        if (!GitspaceListSort.All.Contains(sort))
        {
            throw GitspaceException.InvalidParams("$.sort", $"Invalid params: sort '{sort}' is not one of {string.Join(", ", GitspaceListSort.All)}.");
        }

        return new GitspaceQuery
        {
            Text = string.IsNullOrWhiteSpace(request.Query) ? null : request.Query.Trim(),
            States = request.States is { Count: > 0 } states ? states.ToHashSet() : null,
            Owner = owner,
            Sort = sort,
        };
    }

    private static Task<IReadOnlyList<Gitspace>> ListOneAsync(IGitspaceProvider provider, GitspaceQuery query, CancellationToken cancellationToken) =>
        provider is IGitspaceQuery filtered ? filtered.ListAsync(query, cancellationToken) : provider.ListAsync(cancellationToken);

    private static string CheckDisplayName(string given, IDisplayNames names, string field)
    {
        var trimmed = given.Trim();
        return GitspaceNames.ValidateDisplayName(trimmed, names.MaxDisplayNameLength) is { } problem
            ? throw GitspaceException.InvalidParams(field, $"Invalid params: name '{given}': {problem}")
            : trimmed;
    }

    private static void CheckSshKey(IGitspaceProvider provider, string? sshKeyId, string ide, string field)
    {
        if (sshKeyId is null)
        {
            return;
        }

        if (provider is not IRegisteredSshKeys keys)
        {
            throw GitspaceException.InvalidParams(field, $"Invalid params: the {provider.Id} provider makes its own SSH credentials and takes no registered key.");
        }

        if (string.IsNullOrWhiteSpace(sshKeyId))
        {
            throw GitspaceException.InvalidParams(field, "Invalid params: sshKeyId is empty.");
        }

        if (keys.WhyNoSshKey(ide) is { } why)
        {
            throw GitspaceException.InvalidParams(field, $"Invalid params: {why}");
        }
    }

    private static string CheckUpdatedName(IGitspaceProvider provider, Gitspace gitspace, string name)
    {
        if (provider is IDisplayNames names)
        {
            return CheckDisplayName(name, names, "$.name");
        }

        throw name == gitspace.Name
            ? GitspaceException.InvalidParams("$.name", $"Invalid params: gitspace '{gitspace.Id}' is already named '{name}'.")
            : GitspaceException.InvalidParams("$.name", $"Invalid params: the {provider.Id} provider has no display names: a gitspace's name is its id and stays.");
    }

    private IRepositoryBrowser BrowserOf(string providerId)
    {
        var provider = this.router.Named(providerId, "$.provider");
        return provider as IRepositoryBrowser ?? throw new GitspaceException(
            ErrorCodes.NotSupported,
            $"The {provider.Id} provider does not list repositories: give the clone URL (and branch) yourself.",
            new ErrorData { Kind = nameof(ErrorCodes.NotSupported), Provider = provider.Id });
    }

    private static async Task<string> FreeNameAsync(IGitspaceProvider provider, string baseName, CancellationToken cancellationToken)
    {
        var name = baseName;
        for (var n = 2; await provider.FindAsync(name, cancellationToken) is not null; n++)
        {
            var suffix = "-" + n;
            name = (baseName.Length + suffix.Length > GitspaceNames.MaxLength ? baseName[..(GitspaceNames.MaxLength - suffix.Length)] : baseName) + suffix;
        }

        return name;
    }

    private async Task<Gitspace> RunOnExistingAsync(string id, Func<IGitspaceProvider, IOperationContext, Task<Gitspace>> operation, IProgress<OperationProgress>? progress, CancellationToken cancellationToken, bool consent = false)
    {
        var (provider, gitspace) = await this.router.ResolveAsync(id, cancellationToken);
        var result = await this.RunLockedAsync(provider, id, gitspace.State, context => operation(provider, context), progress, cancellationToken, consent);
        this.observers.Changed(result);
        return result;
    }

    /// <summary>After a failed create: when the provider left nothing of the gitspace, its history and lock go too, so the name is free.</summary>
    private async Task ForgetIfGoneAsync(IGitspaceProvider provider, string name)
    {
        try
        {
            if (await provider.FindAsync(name, CancellationToken.None) is not null)
            {
                return;
            }
        }
        catch (GitspaceException)
        {
            return; // The provider cannot tell: keep what is known.
        }

        this.history.Remove(provider.Id, name);
        GitspaceLock.TryRemove(this.paths, provider.Id, name);
        this.router.Forget(name);
    }

    private async Task<T> RunLockedAsync<T>(IGitspaceProvider provider, string id, GitspaceState? state, Func<IOperationContext, Task<T>> operation, IProgress<OperationProgress>? progress, CancellationToken cancellationToken, bool consent = false)
    {
        using var held = GitspaceLock.TryAcquire(this.paths, provider.Id, id)
            ?? throw GitspaceException.Busy(id, state is { } s ? s.ToString().ToLowerInvariant() : null);
        await using var shared = provider is ISharedLocks locks ? await locks.LockAsync(id, cancellationToken) : null;
        var context = new OperationContext(this.journals[provider.Id], provider is not IProviderHistory, this.observers, this.trust, progress, cancellationToken, consent, provider is IUserSecrets ? this.secrets : null);
        return await operation(context);
    }
}
