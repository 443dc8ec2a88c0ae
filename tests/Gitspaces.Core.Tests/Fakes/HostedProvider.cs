using System.Collections.Concurrent;
using Gitspaces.Core.Operations;
using Gitspaces.Core.Providers;
using Gitspaces.Protocol;

namespace Gitspaces.Core.Tests.Fakes;

/// <summary>
/// A fake provider with what a control plane offers: display names, updates, its own list filter, create options,
/// repository browsing and registered SSH keys (not for a web IDE). It records what reached it.
/// </summary>
internal sealed class HostedProvider() : FakeProvider("hosted"), IDisplayNames, IGitspaceUpdates, IGitspaceQuery, ICreateOptions, IRepositoryBrowser, IRegisteredSshKeys
{
    public ConcurrentQueue<CreateRequest> Creates { get; } = new();

    public ConcurrentQueue<GitspaceQuery> Queries { get; } = new();

    public int MaxDisplayNameLength => 20;

    public override async Task<Gitspace> CreateAsync(CreateRequest request, IOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        this.Creates.Enqueue(request);
        var created = await base.CreateAsync(request, context);
        return this.Gitspaces[created.Id] = created with { Name = request.DisplayName ?? request.Name, SshKeyId = request.SshKeyId };
    }

    public Task<Gitspace> UpdateAsync(string id, GitspaceUpdate update, IOperationContext context)
    {
        ArgumentNullException.ThrowIfNull(update);
        var current = this.Gitspaces[id];
        var updated = current with { Name = update.DisplayName ?? current.Name, Ide = update.Ide ?? current.Ide, SshKeyId = update.SshKeyId ?? current.SshKeyId };
        this.Gitspaces[id] = updated;
        return Task.FromResult(updated);
    }

    public Task<IReadOnlyList<Gitspace>> ListAsync(GitspaceQuery query, CancellationToken cancellationToken)
    {
        this.Queries.Enqueue(query);

        // Coarser than asked, as Harness's "stopped" filter is: the service keeps what matches.
        return this.ListAsync(cancellationToken);
    }

    public Task<CreateOptionsResult> GetCreateOptionsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new CreateOptionsResult { Ides = [Ides.VsCode], Machines = [new MachineOption { InfraProvider = "cloud", MachineType = "small" }], Ssh = true, SshKeys = true });

    public Task<IReadOnlyList<RepositoryOption>> ListRepositoriesAsync(string repositoryType, string? search, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RepositoryOption>>([new RepositoryOption { Name = repositoryType + ":" + search, Url = "https://example.test/" + search + ".git" }]);

    public Task<IReadOnlyList<string>> ListBranchesAsync(string url, string? repositoryType, string? search, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(["main", url]);

    public string? WhyNoSshKey(string ide) => ide == Ides.VsCodeWeb ? "a web IDE has no SSH login." : null;
}
