using System.Text.Json.Nodes;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Harness.Tests;

/// <summary>What a create tells the control plane about its repository, through the service as clients drive it.</summary>
public sealed class HarnessRepositoryResolverTests
{
    [Fact]
    public async Task A_harness_code_repository_is_created_with_its_path_inside_harness()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);

        var created = await bed.Service.CreateAsync(Create("https://git.harness.io/acct1/org1/proj1/app.git"), null, CancellationToken.None);

        var body = CreateBody(bed);
        Assert.Equal("harness_code", body["code_repo_type"]!.GetValue<string>());
        Assert.Equal("acct1/org1/proj1/app", body["code_repo_ref"]!.GetValue<string>());
        Assert.Equal("main", body["branch"]!.GetValue<string>());
        Assert.Equal("harness_code", created.Repository.Type);
        Assert.Equal(GitspaceState.Running, created.State);
    }

    [Fact]
    public async Task An_on_premises_host_named_after_its_product_is_checked_with_the_lookup_and_kept()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);

        var created = await bed.Service.CreateAsync(Create("https://github.acme.test/team/api.git"), null, CancellationToken.None);

        Assert.Equal("github_enterprise", created.Repository.Type);
        Assert.Equal("github_enterprise", CreateBody(bed)["code_repo_type"]!.GetValue<string>());
        Assert.Equal("trunk", created.Repository.Branch);
    }

    [Fact]
    public async Task A_host_whose_name_says_nothing_needs_the_type_from_the_user_and_then_works()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);

        var error = await Assert.ThrowsAsync<GitspaceException>(() => bed.Service.CreateAsync(Create("https://scm.acme.test/team/api.git"), null, CancellationToken.None));
        var created = await bed.Service.CreateAsync(Create("https://scm.acme.test/team/api.git") with { Repository = new RepositorySource { Url = "https://scm.acme.test/team/api.git", Type = "gitlab_on_prem" } }, null, CancellationToken.None);

        Assert.Equal(ErrorCodes.RepositoryUnavailable, error.Code);
        Assert.Contains("as unknown", error.Message, StringComparison.Ordinal);
        Assert.Contains("gitlab_on_prem", error.Details.Hint, StringComparison.Ordinal);
        Assert.Equal("gitlab_on_prem", created.Repository.Type);
    }

    [Fact]
    public async Task The_open_source_server_gets_its_own_repositories_as_gitness_and_everything_else_as_unknown()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Oss);
        var own = new Uri(bed.StandIn.BaseAddress, "/git/myspace/tools.git").ToString();

        var tools = await bed.Service.CreateAsync(Create(own), null, CancellationToken.None);
        var toolsBody = CreateBody(bed);
        var shop = await bed.Service.CreateAsync(Create("https://github.com/acme/shop.git"), null, CancellationToken.None);

        Assert.Equal("gitness", toolsBody["code_repo_type"]!.GetValue<string>());
        Assert.Equal("myspace/tools", toolsBody["code_repo_ref"]!.GetValue<string>());
        Assert.Equal(GitspaceState.Running, tools.State);
        Assert.Equal("unknown", shop.Repository.Type);
        Assert.Equal(GitspaceState.Running, shop.State);
    }

    [Fact]
    public async Task The_open_source_server_refuses_a_type_it_cannot_clone_before_anything_is_made()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Oss);

        var error = await Assert.ThrowsAsync<GitspaceException>(() => bed.Service.CreateAsync(Create("https://github.com/acme/shop.git") with { Repository = new RepositorySource { Url = "https://github.com/acme/shop.git", Type = "github" } }, null, CancellationToken.None));

        Assert.Equal(ErrorCodes.InvalidParams, error.Code);
        Assert.Equal("$.repository.type", error.Details.Field);
        Assert.DoesNotContain(bed.StandIn.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task The_stand_in_fails_an_open_source_start_of_a_type_without_an_scm_provider_as_the_real_server_does()
    {
        // What the provider no longer sends: the open-source server accepts the create, then cannot fetch devcontainer.json.
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Oss);
        var client = bed.Provider.CreateClient();
        var created = await client.CreateGitspaceAsync(new Api.HarnessCreateGitspaceRequest { Identifier = "typed", Name = "typed", Ide = Ides.VsCode, ResourceIdentifier = "default", CodeRepoUrl = "https://github.com/acme/typed.git", CodeRepoType = "github" }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<GitspaceException>(() => bed.Service.StartAsync(created.Identifier, null, CancellationToken.None));

        Assert.Equal(ErrorCodes.OperationFailed, error.Code);
        Assert.Contains("unknown scm provider type: github", error.Message, StringComparison.Ordinal);
        Assert.Contains("fetch_devcontainer_failed", bed.Observer.EventTypes);
    }

    private static CreateGitspaceParams Create(string url) => new() { Provider = "harness", Repository = new RepositorySource { Url = url }, Ide = Ides.VsCode };

    private static JsonObject CreateBody(HarnessTestBed bed) =>
        JsonNode.Parse(bed.StandIn.Requests.Last(r => r.Method == "POST" && !r.Path.EndsWith("/lookup-repo", StringComparison.Ordinal) && !r.Path.EndsWith("/actions", StringComparison.Ordinal)).Body!)!.AsObject();
}
