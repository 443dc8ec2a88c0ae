using System.Text.Json.Nodes;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Harness.Tests;

/// <summary>Update, filtered lists, the account's create options, repository browsing and registered SSH keys, through the service as clients drive them.</summary>
public sealed class HarnessProviderCapabilitiesTests
{
    public static TheoryData<HarnessFlavour> Flavours => [HarnessFlavour.Cde, HarnessFlavour.Oss];

    [Fact]
    public async Task Update_changes_name_ide_machine_and_key_of_a_stopped_hosted_gitspace()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);
        var id = bed.StandIn.Seed("shop", state: "stopped");

        var updated = await bed.Service.UpdateAsync(new UpdateGitspaceParams { Id = id, Name = "Shop (new look)", Ide = Ides.IntelliJ, Resource = new ResourceSpec { MachineType = "large" }, SshKeyId = "laptop-key" }, null, CancellationToken.None);

        Assert.Equal(id, updated.Id);
        Assert.Equal("Shop (new look)", updated.Name);
        Assert.Equal(Ides.IntelliJ, updated.Ide);
        Assert.Equal(new ResourceSpec { InfraProvider = "harness-hosted", MachineType = "large", Region = "us-west" }, updated.Resource);
        Assert.Equal("laptop-key", updated.SshKeyId);
        var patch = JsonNode.Parse(bed.StandIn.Requests.Single(r => r.Method == "PATCH").Body!)!.AsObject();
        Assert.Equal(["ide", "name", "resource_identifier", "ssh_token_identifier"], patch.Select(p => p.Key).Order());
        Assert.Contains(bed.Observer.Logs, l => l.Line.Stream == "system" && l.Line.Line.StartsWith("Updated name 'shop' → 'Shop (new look)', IDE vs_code → intellij, machine standard → large, SSH key laptop-key; the next start builds its container again", StringComparison.Ordinal));
        Assert.Equal("Shop (new look)", bed.Observer.Changes.Last().Name);

        // The key logs in from the next start: the instance says ssh_key, and connect asks for no token.
        var connected = await bed.Service.ConnectAsync(id, null, null, CancellationToken.None);
        Assert.Equal("laptop-key", connected.Gitspace.SshKeyId);
        Assert.DoesNotContain(bed.StandIn.Requests, r => r.Path.EndsWith("/token", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Update_of_a_running_gitspace_says_to_stop_it_first_and_sends_nothing(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        var id = bed.StandIn.Seed("busy", state: "running");

        var error = await Assert.ThrowsAsync<GitspaceException>(() => bed.Service.UpdateAsync(new UpdateGitspaceParams { Id = id, Ide = Ides.Cursor }, null, CancellationToken.None));

        Assert.Equal(ErrorCodes.InvalidState, error.Code);
        Assert.Contains($"gitspaces stop {id}", error.Details.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain(bed.StandIn.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task The_open_source_server_changes_the_ide_but_neither_renames_nor_takes_a_key()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Oss);
        var id = bed.StandIn.Seed("tools", state: "stopped");

        var rename = await Assert.ThrowsAsync<GitspaceException>(() => bed.Service.UpdateAsync(new UpdateGitspaceParams { Id = id, Name = "Tools" }, null, CancellationToken.None));
        var key = await Assert.ThrowsAsync<GitspaceException>(() => bed.Service.UpdateAsync(new UpdateGitspaceParams { Id = id, SshKeyId = "laptop-key" }, null, CancellationToken.None));
        var updated = await bed.Service.UpdateAsync(new UpdateGitspaceParams { Id = id, Ide = Ides.GoLand }, null, CancellationToken.None);

        Assert.Equal(ErrorCodes.NotSupported, rename.Code);
        Assert.Contains("does not rename", rename.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.InvalidParams, key.Code);
        Assert.Equal("$.sshKeyId", key.Details.Field);
        Assert.Equal(Ides.GoLand, updated.Ide);
        Assert.Single(bed.StandIn.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task A_web_ide_takes_no_key_and_a_machine_stays_on_its_infrastructure()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);
        var id = bed.StandIn.Seed("web", state: "stopped");

        var key = await Assert.ThrowsAsync<GitspaceException>(() => bed.Service.UpdateAsync(new UpdateGitspaceParams { Id = id, Ide = Ides.VsCodeWeb, SshKeyId = "laptop-key" }, null, CancellationToken.None));
        var infra = await Assert.ThrowsAsync<GitspaceException>(() => bed.Service.UpdateAsync(new UpdateGitspaceParams { Id = id, Resource = new ResourceSpec { InfraProvider = "my-aws", MachineType = "m5-xlarge" } }, null, CancellationToken.None));
        var region = await bed.Service.UpdateAsync(new UpdateGitspaceParams { Id = id, Resource = new ResourceSpec { Region = "us-east" } }, null, CancellationToken.None);

        Assert.Equal(("$.sshKeyId", ErrorCodes.InvalidParams), (key.Details.Field, key.Code));
        Assert.Contains("no SSH login", key.Message, StringComparison.Ordinal);
        Assert.Equal("$.resource.infraProvider", infra.Details.Field);
        Assert.Equal("standard-east", region.Resource!.MachineType);
        Assert.Single(bed.StandIn.Requests, r => r.Method == "PATCH");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task List_filters_on_the_control_plane_and_keeps_exactly_what_was_asked(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        var shopRunning = bed.StandIn.Seed("shop-api", state: "running");
        bed.StandIn.Seed("shop-web", state: "stopped");
        var shopNew = bed.StandIn.Seed("shop-new");
        var docs = bed.StandIn.Seed("docs", state: "running");
        var teammates = bed.StandIn.Seed("shop-team", state: "running", owner: "user2");

        var running = await bed.Service.ListMatchingAsync(new ListGitspacesParams { Provider = "harness", Query = "SHOP", States = [GitspaceState.Running] }, CancellationToken.None);
        var everyone = await bed.Service.ListMatchingAsync(new ListGitspacesParams { Provider = "harness", Query = "shop", States = [GitspaceState.Running], Owner = GitspaceOwner.All }, CancellationToken.None);
        var notYetStarted = await bed.Service.ListMatchingAsync(new ListGitspacesParams { Provider = "harness", States = [GitspaceState.Uninitialized] }, CancellationToken.None);

        Assert.Equal([shopRunning], running.Gitspaces.Select(g => g.Id));
        Assert.Equal([shopRunning, teammates], everyone.Gitspaces.Select(g => g.Id).Order());
        Assert.DoesNotContain(docs, everyone.Gitspaces.Select(g => g.Id));

        // Harness filters on the instance's state, and a gitspace never started has none: that list is filtered here.
        Assert.Equal([shopNew], notYetStarted.Gitspaces.Select(g => g.Id));
        var queries = bed.StandIn.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/gitspaces", StringComparison.Ordinal)).Select(r => r.Query).ToList();
        Assert.Contains(queries, q => q.Contains("query=SHOP", StringComparison.Ordinal) && q.Contains("gitspace_states=running", StringComparison.Ordinal) && !q.Contains("gitspace_owner", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("gitspace_owner=all", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("gitspace_owner=all", StringComparison.Ordinal) && q.Contains("gitspace_states=running", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_sorts_by_last_use_when_asked()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);
        var first = bed.StandIn.Seed("first", state: "stopped");
        var second = bed.StandIn.Seed("second", state: "stopped");
        await bed.Service.StartAsync(first, null, CancellationToken.None);

        var byUse = await bed.Service.ListMatchingAsync(new ListGitspacesParams { Provider = "harness", Sort = GitspaceListSort.LastUsed }, CancellationToken.None);
        var byCreation = await bed.Service.ListMatchingAsync(new ListGitspacesParams { Provider = "harness" }, CancellationToken.None);

        Assert.Equal([first, second], byUse.Gitspaces.Select(g => g.Id));
        Assert.NotNull(byUse.Gitspaces[0].LastUsedAt);
        Assert.Contains(bed.StandIn.Requests, r => r.Query.Contains("sort=last_used&order=desc", StringComparison.Ordinal));
        Assert.Equal(2, byCreation.Gitspaces.Count);
    }

    [Fact]
    public async Task Hosted_create_options_offer_what_the_account_allows_with_regions_sizes_and_auto_stop()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);
        bed.StandIn.AdminSettings["gitspace_config"] = new JsonObject
        {
            ["ide"] = new JsonObject { ["access_list"] = new JsonObject { ["mode"] = "deny", ["list"] = new JsonArray("cursor", "windsurf") }, ["disable_ssh"] = false },
            ["scm"] = new JsonObject { ["access_list"] = new JsonObject { ["mode"] = "allow", ["list"] = new JsonArray("github", "harness_code") } },
        };
        bed.StandIn.AdminSettings["infra_provider"] = new JsonObject
        {
            ["harness_gcp"] = new JsonObject { ["access_list"] = new JsonObject { ["mode"] = "deny", ["list"] = new JsonArray("large") }, ["auto_stopping_time_in_mins"] = 30, ["infra_provider_type"] = "harness_gcp" },
        };

        var options = await bed.Service.GetCreateOptionsAsync("harness", CancellationToken.None);
        var refused = await Assert.ThrowsAsync<GitspaceException>(() => bed.Service.CreateAsync(new CreateGitspaceParams { Provider = "harness", Repository = new RepositorySource { Url = "https://github.com/acme/shop.git", Branch = "main" }, Resource = new ResourceSpec { MachineType = "large" } }, null, CancellationToken.None));

        Assert.DoesNotContain(Ides.Cursor, options.Ides);
        Assert.DoesNotContain(Ides.Windsurf, options.Ides);
        Assert.Contains(Ides.IntelliJ, options.Ides);
        Assert.Equal(["github", "harness_code"], options.RepositoryTypes);
        Assert.True(options.Ssh);
        Assert.True(options.SshKeys);
        Assert.Equal(["standard", "standard-east", "m5-xlarge"], options.Machines.Select(m => m.MachineType));
        var west = options.Machines[0];
        Assert.Equal(new MachineOption { InfraProvider = "harness-hosted", Hosting = "hosted", MachineType = "standard", Name = "Standard", Region = "us-west", RegionName = "US West", Cpu = "2", Memory = "8GB", Disk = "30GB", AutoStopMinutes = 30 }, west);
        Assert.Equal("self-hosted", options.Machines[2].Hosting);
        Assert.Null(options.Machines[2].AutoStopMinutes);
        Assert.Equal("$.resource.machineType", refused.Details.Field);
        Assert.EndsWith("offers: standard (us-west), standard-east (us-east), m5-xlarge (eu-west-1).", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_without_ssh_offers_the_web_ide_alone()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);
        bed.StandIn.AdminSettings["gitspace_config"] = new JsonObject { ["ide"] = new JsonObject { ["disable_ssh"] = true } };

        var options = await bed.Service.GetCreateOptionsAsync("harness", CancellationToken.None);

        Assert.Equal([Ides.VsCodeWeb], options.Ides);
        Assert.False(options.Ssh);
        Assert.False(options.SshKeys);
    }

    [Fact]
    public async Task Open_source_create_options_are_its_docker_machine_and_its_own_repository_types()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Oss);

        var options = await bed.Service.GetCreateOptionsAsync("harness", CancellationToken.None);

        Assert.Equal(Ides.All, options.Ides);
        Assert.Equal(["gitness", "unknown"], options.RepositoryTypes);
        Assert.False(options.SshKeys);
        var machine = Assert.Single(options.Machines);
        Assert.Equal(("default", "default", "self-hosted", "Standard Docker Resource"), (machine.InfraProvider, machine.MachineType, machine.Hosting, machine.Name));
        Assert.Null(machine.Cpu);
        Assert.DoesNotContain(bed.StandIn.Requests, r => r.Path.Contains("gitspace-settings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hosted_repository_and_branch_pickers_read_the_connected_git_provider()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);

        var github = await bed.Service.ListRepositoriesAsync(new ListReposParams { Provider = "harness", RepositoryType = "github", Search = "ap" }, CancellationToken.None);
        var harnessCode = await bed.Service.ListRepositoriesAsync(new ListReposParams { Provider = "harness", RepositoryType = "harness_code" }, CancellationToken.None);
        var branches = await bed.Service.ListBranchesAsync(new ListBranchesParams { Provider = "harness", Url = "https://github.com/acme/api.git", Search = "feature" }, CancellationToken.None);
        var all = await bed.Service.ListBranchesAsync(new ListBranchesParams { Provider = "harness", Url = "https://github.com/acme/api.git" }, CancellationToken.None);
        var generic = await Assert.ThrowsAsync<GitspaceException>(() => bed.Service.ListRepositoriesAsync(new ListReposParams { Provider = "harness", RepositoryType = "unknown" }, CancellationToken.None));

        Assert.Equal([new RepositoryOption { Name = "acme/api", Url = "https://github.com/acme/api.git", DefaultBranch = "trunk" }], github.Repositories);
        Assert.Equal("https://git.harness.io/acct1/org1/proj1/app.git", Assert.Single(harnessCode.Repositories).Url);
        Assert.Equal(["feature/login", "feature/search"], branches.Branches);
        Assert.Equal(4, all.Branches.Count);
        Assert.Equal(ErrorCodes.InvalidParams, generic.Code);

        // The repository type came from the URL, and the search term is always sent (the spec requires it).
        Assert.Contains(bed.StandIn.Requests, r => r.Path.EndsWith("/list-branches", StringComparison.Ordinal) && r.Query.Contains("repo_type=github", StringComparison.Ordinal) && r.Query.Contains("search_term=&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Open_source_withholds_what_it_lacks_from_the_advertised_capabilities()
    {
        await using var hosted = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);
        await using var openSource = await HarnessTestBed.StartAsync(HarnessFlavour.Oss);

        var hostedCapabilities = (await hosted.Service.ListProvidersAsync(false, CancellationToken.None)).Single().Capabilities!;
        var openSourceCapabilities = (await openSource.Service.ListProvidersAsync(false, CancellationToken.None)).Single().Capabilities!;
        var browse = await Assert.ThrowsAsync<GitspaceException>(() => openSource.Service.ListRepositoriesAsync(new ListReposParams { Provider = "harness", RepositoryType = "gitness" }, CancellationToken.None));

        Assert.Equal([ProviderCapabilities.ProviderHistory, ProviderCapabilities.Update, ProviderCapabilities.ListQuery, ProviderCapabilities.DisplayNames, ProviderCapabilities.SshKeys, ProviderCapabilities.CreateOptions, ProviderCapabilities.RepositoryBrowser], hostedCapabilities);
        Assert.Equal([ProviderCapabilities.ProviderHistory, ProviderCapabilities.Update, ProviderCapabilities.ListQuery, ProviderCapabilities.DisplayNames, ProviderCapabilities.CreateOptions], openSourceCapabilities);
        Assert.Equal(ErrorCodes.NotSupported, browse.Code);
    }

    [Fact]
    public async Task Create_with_a_registered_key_sends_it_and_a_web_ide_is_refused_one_up_front()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);
        var repository = new RepositorySource { Url = "https://github.com/acme/shop.git", Branch = "main" };

        var created = await bed.Service.CreateAsync(new CreateGitspaceParams { Provider = "harness", Repository = repository, SshKeyId = "laptop-key" }, null, CancellationToken.None);
        var web = await Assert.ThrowsAsync<GitspaceException>(() => bed.Service.CreateAsync(new CreateGitspaceParams { Provider = "harness", Repository = repository, Ide = Ides.VsCodeWeb, SshKeyId = "laptop-key" }, null, CancellationToken.None));

        Assert.Equal("laptop-key", created.SshKeyId);
        Assert.Equal("laptop-key", JsonNode.Parse(bed.StandIn.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/gitspaces", StringComparison.Ordinal)).Body!)!["ssh_token_identifier"]!.GetValue<string>());
        Assert.Equal("$.sshKeyId", web.Details.Field);
        Assert.Single(bed.StandIn.Requests, r => r.Method == "POST" && r.Path.EndsWith("/gitspaces", StringComparison.Ordinal));
    }
}
