using System.Text.Json.Nodes;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Tests.StandIn;

namespace Gitspaces.Providers.Harness.Tests;

public sealed class HarnessConfigurationTests
{
    [Fact]
    public async Task Configure_stores_the_scope_and_the_token_apart_with_the_token_file_owner_only()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde, configure: false);

        var info = await bed.Provider.ConfigureAsync(bed.ConfigureParams(token: HarnessTestBed.Token + "\n"), CancellationToken.None);

        Assert.True(info.Configured);
        Assert.True(info.Reachable);
        Assert.Equal("hosted", info.Kind);
        Assert.Equal("Harness CDE", info.DisplayName);
        var settingsPath = Path.Combine(bed.Paths.ConfigDirectory, "harness.json");
        var tokenPath = Path.Combine(bed.Paths.ConfigDirectory, "harness.token");
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(settingsPath))!;
        Assert.Equal("cde", settings["flavour"]!.GetValue<string>());
        Assert.Equal(HarnessStandIn.Account, settings["accountIdentifier"]!.GetValue<string>());
        Assert.Equal(HarnessTestBed.Token, await File.ReadAllTextAsync(tokenPath));
        Assert.Empty(bed.FilesHoldingToken());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(bed.Paths.ConfigDirectory));
        }
    }

    [Fact]
    public async Task A_token_the_control_plane_refuses_is_Unauthorized_and_leaves_the_saved_login_alone()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Oss);

        var error = await Assert.ThrowsAsync<GitspaceException>(() => bed.Provider.ConfigureAsync(bed.ConfigureParams(token: "wrong-token"), CancellationToken.None));

        Assert.Equal(ErrorCodes.Unauthorized, error.Code);
        Assert.Contains("gitspaces login harness", error.Details.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", error.Message, StringComparison.Ordinal);
        Assert.Equal(HarnessTestBed.Token, await File.ReadAllTextAsync(Path.Combine(bed.Paths.ConfigDirectory, "harness.token")));
        Assert.True((await bed.Provider.DescribeAsync(check: true, CancellationToken.None)).Reachable);
    }

    [Fact]
    public async Task An_unreachable_control_plane_is_saved_and_reported_not_reachable_with_the_reason()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde, configure: false);

        var info = await bed.Provider.ConfigureAsync(bed.ConfigureParams(endpoint: $"http://127.0.0.1:{HarnessTestBed.ClosedPort()}"), CancellationToken.None);

        Assert.True(info.Configured);
        Assert.False(info.Reachable);
        Assert.Contains("Cannot reach the Harness control plane", info.Message, StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<GitspaceException>(() => bed.Service.ListAsync("harness", CancellationToken.None));
        Assert.Equal(ErrorCodes.ProviderUnavailable, error.Code);
    }

    [Theory]
    [InlineData("ftp://harness.example", null, "$.endpoint")]
    [InlineData("https://user:pass@app.harness.io", null, "$.endpoint")]
    [InlineData("not a url", null, "$.endpoint")]
    [InlineData("https://app.harness.io", "sideways", "$.flavour")]
    public async Task Bad_settings_are_InvalidParams_naming_the_field(string endpoint, string? flavour, string field)
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde, configure: false);

        var error = await Assert.ThrowsAsync<GitspaceException>(() => bed.Provider.ConfigureAsync(bed.ConfigureParams(endpoint: endpoint) with { Flavour = flavour ?? "cde" }, CancellationToken.None));

        Assert.Equal(ErrorCodes.InvalidParams, error.Code);
        Assert.Equal(field, error.Details.Field);
        Assert.False(File.Exists(Path.Combine(bed.Paths.ConfigDirectory, "harness.json")));
    }

    [Fact]
    public async Task The_hosted_flavour_needs_account_org_and_project_and_the_open_source_one_a_space()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde, configure: false);
        var endpoint = bed.StandIn.BaseAddress.ToString();

        var noProject = await Assert.ThrowsAsync<GitspaceException>(() => bed.Provider.ConfigureAsync(new ConfigureProviderParams { Provider = "harness", Endpoint = endpoint, AccountIdentifier = "a", OrgIdentifier = "o", Token = "t" }, CancellationToken.None));
        var noSpace = await Assert.ThrowsAsync<GitspaceException>(() => bed.Provider.ConfigureAsync(new ConfigureProviderParams { Provider = "harness", Endpoint = endpoint, Flavour = "oss", Token = "t" }, CancellationToken.None));
        var noToken = await Assert.ThrowsAsync<GitspaceException>(() => bed.Provider.ConfigureAsync(bed.ConfigureParams(token: null), CancellationToken.None));
        var twoLines = await Assert.ThrowsAsync<GitspaceException>(() => bed.Provider.ConfigureAsync(bed.ConfigureParams(token: "abc\ndef"), CancellationToken.None));

        Assert.Equal("$.projectIdentifier", noProject.Details.Field);
        Assert.Equal("$.spacePath", noSpace.Details.Field);
        Assert.Equal("$.token", noToken.Details.Field);
        Assert.Equal("$.token", twoLines.Details.Field);
        Assert.DoesNotContain("abc", twoLines.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_login_changes_only_what_it_names()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde);
        bed.StandIn.Token = "rotated-token";

        var info = await bed.Provider.ConfigureAsync(new ConfigureProviderParams { Provider = "harness", Token = "rotated-token" }, CancellationToken.None);

        Assert.True(info.Reachable);
        Assert.Empty(await bed.Provider.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_token_can_come_from_GITSPACES_HARNESS_TOKEN_and_is_then_not_written()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Oss, configure: false, environment: name => name == "GITSPACES_HARNESS_TOKEN" ? HarnessTestBed.Token : null);

        var info = await bed.Provider.ConfigureAsync(bed.ConfigureParams(token: null), CancellationToken.None);

        Assert.True(info.Reachable);
        Assert.Equal("Harness (open source)", info.DisplayName);
        Assert.False(File.Exists(Path.Combine(bed.Paths.ConfigDirectory, "harness.token")));
        Assert.Empty(bed.FilesHoldingToken());
    }

    [Fact]
    public async Task Describe_says_how_to_log_in_when_not_configured_and_why_it_is_unreachable_when_the_token_was_revoked()
    {
        await using var bed = await HarnessTestBed.StartAsync(HarnessFlavour.Cde, configure: false);

        var before = await bed.Provider.DescribeAsync(check: true, CancellationToken.None);
        await bed.Provider.ConfigureAsync(bed.ConfigureParams(), CancellationToken.None);
        bed.StandIn.Token = "revoked";
        var after = await bed.Provider.DescribeAsync(check: true, CancellationToken.None);
        using var unconfigured = new HarnessProvider(new Core.State.StatePaths(bed.Home + "-none", bed.Home + "-none"), environment: _ => null);
        var notConfiguredList = await Assert.ThrowsAsync<GitspaceException>(() => unconfigured.ListAsync(CancellationToken.None));

        Assert.False(before.Configured);
        Assert.Contains("gitspaces login harness", before.Message, StringComparison.Ordinal);
        Assert.True(after.Configured);
        Assert.False(after.Reachable);
        Assert.Contains("refused the token", after.Message, StringComparison.Ordinal);
        Assert.Contains("Log in again", after.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.ProviderNotConfigured, notConfiguredList.Code);
    }

    [Theory]
    [InlineData(HarnessFlavour.Cde)]
    [InlineData(HarnessFlavour.Oss)]
    public async Task The_token_never_reaches_an_event_a_log_line_a_change_or_a_file_other_than_its_own(HarnessFlavour flavour)
    {
        await using var bed = await HarnessTestBed.StartAsync(flavour);
        var (service, observer) = (bed.Service, bed.Observer);

        var created = await service.CreateAsync(new CreateGitspaceParams { Provider = "harness", Repository = new RepositorySource { Url = "https://github.com/acme/leak.git", Token = "repo-token-xyz" } }, null, CancellationToken.None);
        await service.ConnectAsync(created.Id, null, null, CancellationToken.None);
        await service.StopAsync(created.Id, null, CancellationToken.None);
        bed.StandIn.Token = "revoked";
        await Assert.ThrowsAsync<GitspaceException>(() => service.GetEventsAsync(created.Id, CancellationToken.None));

        var wire = observer.AsWireText();
        Assert.NotEmpty(observer.Events);
        Assert.NotEmpty(observer.Logs);
        Assert.DoesNotContain(HarnessTestBed.Token, wire, StringComparison.Ordinal);
        Assert.DoesNotContain("repo-token-xyz", wire, StringComparison.Ordinal);
        Assert.Contains(observer.Logs, l => l.Line.Stream == "system" && l.Line.Line.Contains("the repository token was not sent", StringComparison.Ordinal));
        Assert.Empty(bed.FilesHoldingToken());
    }

    [Theory]
    [InlineData("http://harness.example.invalid", false)]
    [InlineData("http://10.1.2.3:3000", false)]
    [InlineData("http://127.0.0.1:3000", true)]
    [InlineData("http://[::1]:3000", true)]
    [InlineData("http://localhost:3000", true)]
    [InlineData("https://harness.example.invalid", true)]
    public void A_plain_http_endpoint_on_another_machine_is_refused_unless_the_user_allows_it(string endpoint, bool accepted)
    {
        var given = new ConfigureProviderParams { Provider = "harness", Endpoint = endpoint, Flavour = "oss", SpacePath = "space" };

        if (accepted)
        {
            Assert.Null(Configuration.HarnessConfiguration.Merge(null, given).Settings.AllowInsecureHttp);
            return;
        }

        var refused = Assert.Throws<GitspaceException>(() => Configuration.HarnessConfiguration.Merge(null, given));
        Assert.Equal((ErrorCodes.InvalidParams, "$.endpoint"), (refused.Code, refused.Details.Field));
        Assert.Contains("in clear", refused.Message, StringComparison.Ordinal);

        // Allowed explicitly (--allow-http, GITSPACES_HARNESS_ALLOW_HTTP): saved, so later runs need no flag.
        var (settings, _) = Configuration.HarnessConfiguration.Merge(null, given, allowInsecureHttp: true);
        Assert.True(settings.AllowInsecureHttp);
        Assert.True(Configuration.HarnessConfiguration.Merge(settings, new ConfigureProviderParams { Provider = "harness" }).Settings.AllowInsecureHttp);
    }
}
