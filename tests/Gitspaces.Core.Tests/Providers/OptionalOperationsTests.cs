using Gitspaces.Core.Errors;
using Gitspaces.Core.State;
using Gitspaces.Core.Tests.Fakes;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Core.Tests.Providers;

/// <summary>
/// The service's rules for the optional operations: display names, updates, list filters, create options, repository
/// browsing and registered SSH keys, each only where the provider has the capability, and answered clearly elsewhere.
/// </summary>
public sealed class OptionalOperationsTests
{
    private readonly StatePaths paths = NewPaths();

    [Fact]
    public async Task A_free_display_name_is_kept_where_the_provider_has_display_names_and_refused_elsewhere()
    {
        var hosted = new HostedProvider();
        var plain = new FakeProvider("plain");
        var service = new GitspaceService([hosted, plain], this.paths);

        var created = await service.CreateAsync(Create("https://example.test/org/shop.git") with { Name = "Shop – Q3 (v2)" }, null, CancellationToken.None);
        var tooLong = await Assert.ThrowsAsync<GitspaceException>(() => service.CreateAsync(Create("https://example.test/org/shop.git") with { Name = "A name longer than twenty" }, null, CancellationToken.None));
        var strict = await Assert.ThrowsAsync<GitspaceException>(() => service.CreateAsync(Create("https://example.test/org/shop.git") with { Provider = "plain", Name = "Shop – Q3 (v2)" }, null, CancellationToken.None));

        Assert.Equal("shop-q3-v2", created.Id);
        Assert.Equal("Shop – Q3 (v2)", created.Name);
        Assert.Equal("Shop – Q3 (v2)", Assert.Single(hosted.Creates).DisplayName);
        Assert.Equal("$.name", tooLong.Details.Field);
        Assert.Contains("1 to 20 characters", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal("$.name", strict.Details.Field);
        Assert.Contains("has no display names", strict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_name_is_the_id_everywhere_with_no_separate_display_name()
    {
        var hosted = new HostedProvider();
        var service = new GitspaceService([hosted], this.paths);

        var created = await service.CreateAsync(Create("https://example.test/org/shop.git") with { Name = "shop" }, null, CancellationToken.None);

        Assert.Equal(("shop", "shop"), (created.Id, created.Name));
        Assert.Null(Assert.Single(hosted.Creates).DisplayName);
    }

    [Fact]
    public async Task Update_reaches_a_provider_that_takes_it_and_is_NotSupported_with_what_to_do_elsewhere()
    {
        var hosted = new HostedProvider();
        var plain = new FakeProvider("plain");
        hosted.Seed("shop", GitspaceState.Stopped);
        plain.Seed("local", GitspaceState.Stopped);
        var service = new GitspaceService([hosted, plain], this.paths);
        var observer = new RecordingObserver();
        using var subscription = service.Subscribe(observer);

        var updated = await service.UpdateAsync(new UpdateGitspaceParams { Id = "shop", Name = "Shop (new)", Ide = Ides.IntelliJ, SshKeyId = "laptop" }, null, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<GitspaceException>(() => service.UpdateAsync(new UpdateGitspaceParams { Id = "local", Ide = Ides.IntelliJ }, null, CancellationToken.None));
        var empty = await Assert.ThrowsAsync<GitspaceException>(() => service.UpdateAsync(new UpdateGitspaceParams { Id = "shop" }, null, CancellationToken.None));
        var badIde = await Assert.ThrowsAsync<GitspaceException>(() => service.UpdateAsync(new UpdateGitspaceParams { Id = "shop", Ide = "notepad" }, null, CancellationToken.None));
        var webKey = await Assert.ThrowsAsync<GitspaceException>(() => service.UpdateAsync(new UpdateGitspaceParams { Id = "shop", Ide = Ides.VsCodeWeb, SshKeyId = "laptop" }, null, CancellationToken.None));

        Assert.Equal(("Shop (new)", Ides.IntelliJ, "laptop"), (updated.Name, updated.Ide, updated.SshKeyId));
        Assert.Equal(updated, observer.Changes.Last());
        Assert.Equal(ErrorCodes.NotSupported, refused.Code);
        Assert.Contains("gitspaces open --ide", refused.Details.Hint, StringComparison.Ordinal);
        Assert.Equal(("$", ErrorCodes.InvalidParams), (empty.Details.Field, empty.Code));
        Assert.Equal("$.ide", badIde.Details.Field);
        Assert.Equal("$.sshKeyId", webKey.Details.Field);
        Assert.Equal(Ides.IntelliJ, hosted.Gitspaces["shop"].Ide);
    }

    [Fact]
    public async Task A_registered_key_is_refused_by_a_provider_that_makes_its_own_credentials()
    {
        var service = new GitspaceService([new FakeProvider("plain")], this.paths);

        var error = await Assert.ThrowsAsync<GitspaceException>(() => service.CreateAsync(Create("https://example.test/org/shop.git") with { SshKeyId = "laptop" }, null, CancellationToken.None));

        Assert.Equal("$.sshKeyId", error.Details.Field);
    }

    [Fact]
    public async Task List_filters_apply_to_every_provider_and_reach_the_one_that_filters_itself()
    {
        var hosted = new HostedProvider();
        var plain = new FakeProvider("plain");
        var now = DateTimeOffset.UtcNow;
        hosted.Seed("shop-api", GitspaceState.Running, now.AddMinutes(-3));
        hosted.Seed("shop-web", GitspaceState.Stopped, now.AddMinutes(-2));
        plain.Seed("shop-local", GitspaceState.Running, now.AddMinutes(-1));
        plain.Seed("docs", GitspaceState.Running, now);
        var service = new GitspaceService([hosted, plain], this.paths);

        var running = await service.ListMatchingAsync(new ListGitspacesParams { Query = "SHOP", States = [GitspaceState.Running] }, CancellationToken.None);
        var byUse = await service.ListMatchingAsync(new ListGitspacesParams { Sort = GitspaceListSort.LastUsed }, CancellationToken.None);
        var badOwner = await Assert.ThrowsAsync<GitspaceException>(() => service.ListMatchingAsync(new ListGitspacesParams { Owner = "team" }, CancellationToken.None));
        var badSort = await Assert.ThrowsAsync<GitspaceException>(() => service.ListMatchingAsync(new ListGitspacesParams { Sort = "name" }, CancellationToken.None));

        Assert.Equal(["shop-local", "shop-api"], running.Gitspaces.Select(g => g.Id));
        var query = hosted.Queries.First();
        Assert.Equal(("SHOP", GitspaceOwner.Self, GitspaceListSort.Created), (query.Text, query.Owner, query.Sort));
        Assert.Equal([GitspaceState.Running], query.States!);
        Assert.Equal(["docs", "shop-local", "shop-web", "shop-api"], byUse.Gitspaces.Select(g => g.Id));
        Assert.Equal("$.owner", badOwner.Details.Field);
        Assert.Equal("$.sort", badSort.Details.Field);
    }

    [Fact]
    public async Task Create_options_and_repository_browsing_come_from_the_provider_or_say_there_are_none()
    {
        var hosted = new HostedProvider();
        var plain = new FakeProvider("plain");
        var service = new GitspaceService([hosted, plain], this.paths);

        var hostedOptions = await service.GetCreateOptionsAsync("hosted", CancellationToken.None);
        var plainOptions = await service.GetCreateOptionsAsync("plain", CancellationToken.None);
        var repos = await service.ListRepositoriesAsync(new ListReposParams { Provider = "hosted", RepositoryType = "github", Search = "api" }, CancellationToken.None);
        var branches = await service.ListBranchesAsync(new ListBranchesParams { Provider = "hosted", Url = "https://example.test/api.git" }, CancellationToken.None);
        var noBrowsing = await Assert.ThrowsAsync<GitspaceException>(() => service.ListBranchesAsync(new ListBranchesParams { Provider = "plain", Url = "https://example.test/api.git" }, CancellationToken.None));

        Assert.Equal("small", Assert.Single(hostedOptions.Machines).MachineType);
        Assert.Equal(Ides.All, plainOptions.Ides);
        Assert.Empty(plainOptions.Machines);
        Assert.False(plainOptions.SshKeys);
        Assert.Equal("github:api", Assert.Single(repos.Repositories).Name);
        Assert.Equal(["main", "https://example.test/api.git"], branches.Branches);
        Assert.Equal(ErrorCodes.NotSupported, noBrowsing.Code);
    }

    private static CreateGitspaceParams Create(string url) => new() { Repository = new RepositorySource { Url = url } };

    private static StatePaths NewPaths()
    {
        var root = TempDirectory.Create("core-optional");
        return new StatePaths(Path.Combine(root, "data"), Path.Combine(root, "config"));
    }
}
