using Gitspaces.Core.Errors;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Providers;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Api;
using Gitspaces.Providers.Harness.Configuration;

namespace Gitspaces.Providers.Harness;

/// <summary>What Harness users expect beyond the operations every provider has: update, filtered lists, the account's options, repository browsing, registered SSH keys.</summary>
public sealed partial class HarnessProvider : IGitspaceUpdates, IGitspaceQuery, ICreateOptions, IRepositoryBrowser, IRegisteredSshKeys
{
    private static readonly IReadOnlyList<string> OpenSourceCapabilities =
        [ProviderCapabilities.ProviderHistory, ProviderCapabilities.Update, ProviderCapabilities.ListQuery, ProviderCapabilities.DisplayNames, ProviderCapabilities.CreateOptions];

    /// <inheritdoc/>
    public async Task<Gitspace> UpdateAsync(string id, GitspaceUpdate update, IOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(context);
        var client = this.CreateClient();
        var cancellationToken = context.CancellationToken;
        using var following = this.activity.Follow(id);
        var config = await client.GetGitspaceAsync(id, cancellationToken);
        if (HarnessMapping.ToState(config.State) is not (GitspaceState.Stopped or GitspaceState.Uninitialized))
        {
            // The control plane would answer 400 (app/api/controller/gitspace/update.go); say what to do instead.
            throw new GitspaceException(
                ErrorCodes.InvalidState,
                $"Gitspace '{id}' is {config.State}: Harness changes a gitspace only while it is stopped or uninitialized.",
                new ErrorData { Kind = nameof(ErrorCodes.InvalidState), Provider = ProviderId, GitspaceId = id, State = config.State, Hint = $"Stop it first (`gitspaces stop {id}`), then update it and start it again." });
        }

        if (update.DisplayName is not null && client.Connection.Flavour == HarnessFlavour.Oss)
        {
            throw new GitspaceException(
                ErrorCodes.NotSupported,
                $"The open-source Harness server does not rename gitspaces (its update takes a name and ignores it); '{id}' stays '{config.Name}'.",
                new ErrorData { Kind = nameof(ErrorCodes.NotSupported), Provider = ProviderId, GitspaceId = id });
        }

        if (update.SshKeyId is not null && WhyNoSshKey(update.Ide ?? config.Ide ?? Ides.VsCode, client.Connection.Flavour) is { } why)
        {
            throw GitspaceException.InvalidParams("$.sshKeyId", "Invalid params: " + why);
        }

        string? machine = null;
        if (update.Resource is { } spec)
        {
            // The machine changes within the gitspace's infrastructure (update.go looks the new resource up in its config).
            var infra = config.Resource?.ConfigIdentifier;
            if (spec.InfraProvider is { } wanted && infra is not null && wanted != infra)
            {
                throw GitspaceException.InvalidParams("$.resource.infraProvider", $"Invalid params: gitspace '{id}' runs on infra provider '{infra}' and stays there; only its machine type can change.");
            }

            var offered = (await HarnessAccountOptions.ReadAsync(client, cancellationToken)).Machines;
            machine = HarnessMachinePicker.Pick(offered, spec with { InfraProvider = infra ?? spec.InfraProvider }, "$.resource").MachineType;
        }

        var updated = await client.UpdateGitspaceAsync(
            id,
            new HarnessUpdateGitspaceRequest
            {
                Ide = update.Ide,
                Name = update.DisplayName,
                ResourceIdentifier = machine,
                SshTokenIdentifier = update.SshKeyId,
            },
            cancellationToken);
        var gitspace = HarnessMapping.ToGitspace(updated);
        context.Changed(gitspace);
        var changes = Changes(config, updated);
        var note = updated.IsMarkedForReset == true ? "; the next start builds its container again" : string.Empty;
        context.WriteLog(id, "system", changes.Count == 0 ? "Nothing changed." : $"Updated {string.Join(", ", changes)}{note}.");
        return gitspace;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Gitspace>> ListAsync(GitspaceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        this.activity.Touch();
        var all = await this.CreateClient().ListAllGitspacesAsync(ToFilter(query), cancellationToken);
        return [.. all.Select(HarnessMapping.ToGitspace)];
    }

    /// <inheritdoc/>
    public Task<CreateOptionsResult> GetCreateOptionsAsync(CancellationToken cancellationToken)
    {
        this.activity.Touch();
        return HarnessAccountOptions.ReadAsync(this.CreateClient(), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RepositoryOption>> ListRepositoriesAsync(string repositoryType, string? search, CancellationToken cancellationToken)
    {
        this.activity.Touch();
        var client = this.CreateClient();
        RequireBrowsing(client);
        if (!HarnessRepoTypes.All.Contains(repositoryType))
        {
            throw GitspaceException.InvalidParams("$.repositoryType", $"Invalid params: repository type '{repositoryType}' is not one of {string.Join(", ", HarnessRepoTypes.All)}.");
        }

        var repositories = await client.ListReposAsync(repositoryType, search ?? string.Empty, cancellationToken);
        return [.. repositories
            .Where(r => !string.IsNullOrEmpty(r.CloneUrl))
            .Select(r => new RepositoryOption { Name = string.IsNullOrEmpty(r.Name) ? r.CloneUrl! : r.Name, Url = r.CloneUrl!, DefaultBranch = string.IsNullOrEmpty(r.DefaultBranch) ? null : r.DefaultBranch })];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> ListBranchesAsync(string url, string? repositoryType, string? search, CancellationToken cancellationToken)
    {
        this.activity.Touch();
        var client = this.CreateClient();
        RequireBrowsing(client);
        var clean = HarnessClient.RedactUserInfo(url);
        var type = repositoryType ?? HarnessRepoTypes.Detect(clean, client.Connection).Type;
        var branches = await client.ListBranchesAsync(type, clean, search ?? string.Empty, cancellationToken);
        return [.. branches.Select(b => b.Name).OfType<string>().Where(name => name.Length > 0)];
    }

    /// <inheritdoc/>
    public string? WhyNoSshKey(string ide)
    {
        var saved = this.settings.ReadSettings();
        return WhyNoSshKey(ide, saved is null ? HarnessFlavour.Cde : HarnessConfiguration.ToConnection(saved).Flavour);
    }

    private static HarnessListFilter ToFilter(GitspaceQuery query)
    {
        // Harness filters on the latest instance's state: running, stopped (with cleaned, deleted and uninitialized
        // instances) and error. A gitspace never started has no instance and matches none, so asking for uninitialized,
        // or for a busy state, means no state filter there; the service keeps the exact states either way.
        var states = new List<string>();
        var exact = query.States is not null;
        foreach (var state in query.States ?? new HashSet<GitspaceState>())
        {
            switch (state)
            {
                case GitspaceState.Running:
                    states.Add("running");
                    break;
                case GitspaceState.Stopped:
                    states.Add("stopped");
                    break;
                case GitspaceState.Error:
                    states.Add("error");
                    break;
                default:
                    exact = false;
                    break;
            }
        }

        return new HarnessListFilter(
            query.Text,
            exact ? [.. states.Distinct()] : [],
            query.Owner == GitspaceOwner.All ? "all" : null,
            query.Sort == GitspaceListSort.LastUsed ? "last_used" : "created");
    }

    private static List<string> Changes(HarnessGitspaceConfig before, HarnessGitspaceConfig after)
    {
        var changes = new List<string>();
        if (before.Name != after.Name)
        {
            changes.Add($"name '{before.Name}' → '{after.Name}'");
        }

        if (before.Ide != after.Ide)
        {
            changes.Add($"IDE {before.Ide} → {after.Ide}");
        }

        if (before.Resource?.Identifier != after.Resource?.Identifier)
        {
            changes.Add($"machine {before.Resource?.Identifier} → {after.Resource?.Identifier}");
        }

        if (before.SshTokenIdentifier != after.SshTokenIdentifier)
        {
            changes.Add(string.IsNullOrEmpty(after.SshTokenIdentifier) ? "SSH key removed" : $"SSH key {after.SshTokenIdentifier}");
        }

        return changes;
    }

    private static string? WhyNoSshKey(string ide, HarnessFlavour flavour) => flavour == HarnessFlavour.Oss
        ? "the open-source Harness server logs in with its temporary password only (its secret resolver knows no SSH keys)."
        : ide == Ides.VsCodeWeb
            ? "VS Code in the browser has no SSH login, so Harness takes no SSH key for it (update.go handleSSHToken)."
            : null;

    private static void RequireBrowsing(HarnessClient client)
    {
        if (client.Connection.Flavour != HarnessFlavour.Cde)
        {
            throw new GitspaceException(
                ErrorCodes.NotSupported,
                "The open-source Harness server does not list repositories or branches: give the clone URL (and branch) yourself.",
                new ErrorData { Kind = nameof(ErrorCodes.NotSupported), Provider = ProviderId });
        }
    }
}
