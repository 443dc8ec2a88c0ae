using System.Diagnostics;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Gitspaces.Providers.Harness.Tests;

public sealed class HarnessClientTests
{
    public static TheoryData<HarnessFlavour> Flavours => [HarnessFlavour.Cde, HarnessFlavour.Oss];

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Lists_every_page_using_the_pagination_headers(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        for (var i = 0; i < 120; i++)
        {
            bed.StandIn.Seed($"seeded-{i:000}");
        }

        var client = bed.Provider.CreateClient();
        var first = await client.ListGitspacesAsync(1, 50, CancellationToken.None);
        var all = await client.ListAllGitspacesAsync(CancellationToken.None);

        Assert.Equal(120, first.Total);
        Assert.Equal(3, first.TotalPages);
        Assert.Equal(50, first.Items.Count);
        Assert.Equal(120, all.Count);
        Assert.Equal(120, all.Select(g => g.Identifier).Distinct().Count());
        var listQueries = bed.StandIn.Requests.Where(r => r.Path.EndsWith("/gitspaces", StringComparison.Ordinal) && r.Method == "GET").Select(r => r.Query).ToList();
        Assert.Contains(flavour == HarnessFlavour.Cde ? "?page=3&limit=50&routingId=acct1" : "?page=3&limit=50", listQueries);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Reads_every_event_once_whether_the_server_pages_them_or_not(HarnessFlavour flavour)
    {
        // The open-source server pages events; the hosted API takes no page or limit and answers them all at once,
        // so asking it for "the next page" would get the same events again, up to the page limit.
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        var id = bed.StandIn.Seed("busy-past");
        bed.StandIn.SeedHistory(id, cycles: 30);

        var events = await bed.Provider.GetEventsAsync(id, CancellationToken.None);

        Assert.Equal(150, events.Count);
        Assert.True(events.Zip(events.Skip(1)).All(pair => pair.First.Timestamp <= pair.Second.Timestamp), "events are oldest first");
        var reads = bed.StandIn.Requests.Where(r => r.Path.EndsWith("/events", StringComparison.Ordinal)).ToList();
        if (flavour == HarnessFlavour.Cde)
        {
            var read = Assert.Single(reads);
            Assert.Equal("?routingId=acct1", read.Query);
        }
        else
        {
            Assert.Equal(["?page=1&limit=50", "?page=2&limit=50", "?page=3&limit=50"], reads.Select(r => r.Query));
        }
    }

    [Fact]
    public async Task A_server_that_ignores_paging_is_read_once_not_page_after_page()
    {
        // Whatever the flavour, a page that brings nothing new ends the reading.
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Oss);
        for (var i = 0; i < 60; i++)
        {
            bed.StandIn.Seed($"same-{i:00}");
        }

        var client = bed.Provider.CreateClient();
        var page = await client.ListGitspacesAsync(1, 100, CancellationToken.None);
        var body = System.Text.Json.JsonSerializer.Serialize(page.Items.ToList(), HarnessJsonContext.Default.ListHarnessGitspaceConfig);
        bed.StandIn.Fail("GET", "/gitspaces", 200, body, times: 1000);

        var all = await client.ListAllGitspacesAsync(CancellationToken.None);

        Assert.Equal(60, all.Count);
        Assert.Equal(["?page=1&limit=50", "?page=2&limit=50"], bed.StandIn.Requests.Where(r => r.Path.EndsWith("/gitspaces", StringComparison.Ordinal) && r.Query.EndsWith("&limit=50", StringComparison.Ordinal)).Select(r => r.Query));
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Authenticates_with_the_flavours_header_and_never_puts_the_token_in_a_url(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        await bed.Provider.ListAsync(CancellationToken.None);

        var requests = bed.StandIn.Requests.ToList();
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.Equal(flavour == HarnessFlavour.Cde ? "x-api-key" : "Bearer", r.AuthScheme));
        Assert.All(requests, r => Assert.DoesNotContain(HarnessTestBed.Token, r.Path + r.Query, StringComparison.Ordinal));
        Assert.All(requests, r => Assert.StartsWith(flavour == HarnessFlavour.Cde ? "/gateway/cde/api/v1/accounts/acct1/" : "/api/v1/spaces/myspace/+/", r.Path, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task A_refused_token_is_Unauthorized_with_a_hint_to_log_in_again(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        bed.StandIn.Token = "rotated-token";

        var error = await Assert.ThrowsAsync<GitspaceException>(() => bed.Provider.ListAsync(CancellationToken.None));

        Assert.Equal(ErrorCodes.Unauthorized, error.Code);
        Assert.Contains("refused the token", error.Message, StringComparison.Ordinal);
        Assert.Contains("gitspaces login harness", error.Details.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain(HarnessTestBed.Token, error.Message + error.Details.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task An_unknown_gitspace_is_GitspaceNotFound_and_Find_returns_null(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        var client = bed.Provider.CreateClient();

        var error = await Assert.ThrowsAsync<GitspaceException>(() => client.GetGitspaceAsync("nope-abc123", CancellationToken.None));

        Assert.Equal(ErrorCodes.GitspaceNotFound, error.Code);
        Assert.Equal("nope-abc123", error.Details.GitspaceId);
        Assert.Null(await bed.Provider.FindAsync("nope-abc123", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Rate_limiting_is_retried_after_the_servers_Retry_After(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        bed.StandIn.Fail("GET", "/gitspaces", 429, """{"message":"rate limit exceeded"}""", retryAfterSeconds: 1);
        var before = bed.StandIn.Requests.Count;
        var stopwatch = Stopwatch.StartNew();

        var page = await bed.Provider.CreateClient().ListGitspacesAsync(1, 10, CancellationToken.None);

        stopwatch.Stop();
        Assert.Empty(page.Items);
        var attempts = bed.StandIn.Requests.Skip(before).ToList();
        Assert.Equal([429, 200], attempts.Select(a => a.Status));

        // The base delay is 50 ms: only Retry-After explains a second's wait.
        Assert.True(attempts[1].Time - attempts[0].Time >= TimeSpan.FromMilliseconds(950), $"retried after {(attempts[1].Time - attempts[0].Time).TotalMilliseconds} ms");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task A_server_error_on_a_read_is_retried_then_succeeds(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        var id = bed.StandIn.Seed("flaky");
        bed.StandIn.Fail("GET", "/" + id + (flavour == HarnessFlavour.Oss ? "/+" : string.Empty), 500, """{"message":"internal error"}""", times: 2);

        var gitspace = await bed.Provider.FindAsync(id, CancellationToken.None);

        Assert.NotNull(gitspace);
        Assert.Equal(id, gitspace.Id);
        Assert.Equal([500, 500, 200], bed.StandIn.Requests.Where(r => r.Path.Contains(id, StringComparison.Ordinal)).Select(r => r.Status));
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task A_server_error_on_create_is_not_repeated_so_no_second_gitspace_appears(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        bed.StandIn.Fail("POST", "/gitspaces", 500, """{"message":"internal error"}""");
        var request = new HarnessCreateGitspaceRequest { Identifier = "once", Name = "once", Ide = Ides.VsCode, ResourceIdentifier = "standard", CodeRepoUrl = "https://github.com/acme/once.git", CodeRepoType = "github" };

        var error = await Assert.ThrowsAsync<GitspaceException>(() => bed.Provider.CreateClient().CreateGitspaceAsync(request, CancellationToken.None));

        Assert.Equal(ErrorCodes.ProviderUnavailable, error.Code);
        Assert.Contains("internal error", error.Message, StringComparison.Ordinal);
        Assert.Single(bed.StandIn.Requests, r => r.Method == "POST");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task A_refused_connection_is_ProviderUnavailable(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        var connection = bed.Provider.CreateClient().Connection with { Endpoint = new Uri($"http://127.0.0.1:{HarnessTestBed.ClosedPort()}") };
        using var services = new ServiceCollection().AddHarnessHttpClients(HarnessTestBed.FastOptions.Http).BuildServiceProvider();
        var factory = services.GetRequiredService<IHttpClientFactory>();
        var client = new HarnessClient(factory, connection, HarnessTestBed.Token);

        var error = await Assert.ThrowsAsync<GitspaceException>(() => client.ListGitspacesAsync(1, 1, CancellationToken.None));

        Assert.Equal(ErrorCodes.ProviderUnavailable, error.Code);
        Assert.Contains("ConnectionRefused", error.Message, StringComparison.Ordinal);
        Assert.Equal("harness", error.Details.Provider);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task A_body_that_is_not_the_documented_json_is_a_clear_error(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        bed.StandIn.Fail("GET", "/gitspaces", 200, "<html><body>Sign in to continue</body></html>", contentType: "text/html");
        bed.StandIn.Fail("GET", "/gitspaces", 200, """[{"identifier": 42, "state": {}}]""");
        var client = bed.Provider.CreateClient();

        var html = await Assert.ThrowsAsync<GitspaceException>(() => client.ListGitspacesAsync(1, 10, CancellationToken.None));
        var wrongShape = await Assert.ThrowsAsync<GitspaceException>(() => client.ListGitspacesAsync(1, 10, CancellationToken.None));

        Assert.Equal(ErrorCodes.ProviderUnavailable, html.Code);
        Assert.Contains("not the documented JSON", html.Message, StringComparison.Ordinal);
        Assert.Contains("proxy", html.Details.Hint, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.ProviderUnavailable, wrongShape.Code);

        // And the client goes on working.
        Assert.Empty((await client.ListGitspacesAsync(1, 10, CancellationToken.None)).Items);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task An_action_on_a_busy_gitspace_is_GitspaceBusy_with_its_state(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        var id = bed.StandIn.Seed("busy", state: "starting");

        var error = await Assert.ThrowsAsync<GitspaceException>(() => bed.Provider.CreateClient().ActionAsync(id, "stop", CancellationToken.None));

        Assert.Equal(ErrorCodes.GitspaceBusy, error.Code);
        Assert.Equal("starting", error.Details.State);
        Assert.Equal(id, error.Details.GitspaceId);
    }

    [Fact]
    public async Task Hosted_pickers_list_infra_providers_and_their_machines_and_the_web_token()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);
        var client = bed.Provider.CreateClient();
        var id = bed.StandIn.Seed("web", state: "running");

        var providers = await client.ListInfraProvidersAsync(CancellationToken.None);
        var machines = await client.ListInfraResourcesAsync("harness-hosted", CancellationToken.None);
        var repository = await client.LookupRepoAsync("https://github.com/acme/app.git", "github", CancellationToken.None);
        var token = await client.GetGitspaceTokenAsync(id, CancellationToken.None);

        Assert.Equal(["harness-hosted", "my-aws"], providers.Select(p => p.Identifier));
        Assert.Equal("hybrid_vm_aws", providers[1].Type);
        Assert.Equal(["standard", "large", "standard-east"], machines.Select(m => m.Identifier));
        Assert.Equal("us-east", machines[2].Region);
        Assert.Equal("16GB", machines[1].Memory);
        Assert.Equal("trunk", repository.Branch);
        Assert.False(repository.IsPrivate);
        Assert.Equal("jwt-for-" + id, token);
    }

    [Fact]
    public async Task Open_source_pickers_read_the_default_docker_infrastructure_and_refuse_hosted_only_calls()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Oss);
        var client = bed.Provider.CreateClient();

        var providers = await client.ListInfraProvidersAsync(CancellationToken.None);
        var machines = await client.ListInfraResourcesAsync("default", CancellationToken.None);
        var token = await Assert.ThrowsAsync<GitspaceException>(() => client.GetGitspaceTokenAsync("x", CancellationToken.None));
        var logs = await Assert.ThrowsAsync<GitspaceException>(() => client.GetLogsAsync("x", CancellationToken.None));

        Assert.Equal("docker", Assert.Single(providers).Type);
        Assert.Equal("Standard Docker Resource", Assert.Single(machines).Name);
        Assert.Equal(ErrorCodes.NotSupported, token.Code);
        Assert.Equal(ErrorCodes.NotSupported, logs.Code);
        Assert.Contains("/api/v1/infraproviders/myspace/default/+", bed.StandIn.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task The_open_source_log_stream_delivers_each_line_of_the_operation_then_ends_at_eof()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Oss);
        var client = bed.Provider.CreateClient();
        var id = bed.StandIn.Seed("streamed");

        await client.ActionAsync(id, "start", CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var lines = new List<HarnessLogLine>();
        await foreach (var line in client.StreamLogsAsync(id, timeout.Token))
        {
            lines.Add(line);
        }

        Assert.Equal(Enumerable.Range(0, lines.Count).Select(i => (long)i), lines.Select(l => l.Pos));
        Assert.Contains(lines, l => l.Out!.StartsWith("INFO: Cloning https://github.com/acme/streamed.git", StringComparison.Ordinal));
        Assert.Equal("INFO: Gitspace is ready", lines[^1].Out);
        Assert.All(lines, l => Assert.True(l.Time > 0));
    }
}
