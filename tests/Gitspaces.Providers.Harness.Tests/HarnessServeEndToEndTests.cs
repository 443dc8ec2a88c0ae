using System.Text.Json.Nodes;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Tests.StandIn;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Harness.Tests;

/// <summary>
/// The real <c>gitspaces serve</c> process, driven over its stdio JSON-RPC the way an editor drives it, against the
/// stand-in control plane: configure, create, stop, delete, with the notifications a client sees.
/// </summary>
public sealed class HarnessServeEndToEndTests
{
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_editor_configures_harness_then_creates_stops_and_deletes_a_gitspace_seeing_every_change_event_and_log_line()
    {
        await using var standIn = await HarnessStandIn.StartAsync(HarnessTestBed.Token);
        var home = Directory.CreateTempSubdirectory("gitspaces-harness-serve-").FullName;
        try
        {
            await using var server = SidecarProcess.Start(home, new Dictionary<string, string?> { ["GITSPACES_HARNESS_TOKEN"] = null }, "--log-level", "debug");
            await server.InitializeAsync();

            var configured = Result(await server.RequestAsync(Methods.ProvidersConfigure, new JsonObject
            {
                ["provider"] = "harness",
                ["endpoint"] = standIn.BaseAddress.ToString(),
                ["accountIdentifier"] = HarnessStandIn.Account,
                ["orgIdentifier"] = HarnessStandIn.Org,
                ["projectIdentifier"] = HarnessStandIn.Project,
                ["token"] = HarnessTestBed.Token,
            }));
            Assert.True(configured["provider"]!["reachable"]!.GetValue<bool>());

            var created = Result(await server.RequestAsync(
                Methods.GitspacesCreate,
                new JsonObject { ["provider"] = "harness", ["repository"] = new JsonObject { ["url"] = "https://github.com/acme/shop.git" }, ["ide"] = "vs_code", ["workDoneToken"] = "create-1" },
                OperationTimeout))["gitspace"]!;
            var id = created["id"]!.GetValue<string>();
            Assert.Equal("running", created["state"]!.GetValue<string>());
            Assert.Equal("harness", created["provider"]!.GetValue<string>());

            var events = Notifications(server, Methods.Event, id).Select(n => n["event"]!["type"]!.GetValue<string>()).ToList();
            Assert.Equal(standIn.EventTypesOf(id), events);
            Assert.Contains(Notifications(server, Methods.Log, id), n => n["line"]!.GetValue<string>() == "INFO: Cloning https://github.com/acme/shop.git into /home/harness/shop");
            var states = Notifications(server, Methods.DidChange, null).Where(n => n["gitspace"]!["id"]!.GetValue<string>() == id).Select(n => n["gitspace"]!["state"]!.GetValue<string>()).ToList();
            Assert.Equal("uninitialized", states[0]);
            Assert.Contains("starting", states);
            Assert.Equal("running", states[^1]);
            Assert.Contains(server.Received, m => m["method"]?.GetValue<string>() == Methods.Progress && m["params"]!["token"]!.GetValue<string>() == "create-1");

            var connect = Result(await server.RequestAsync(Methods.GitspacesConnect, new JsonObject { ["id"] = id }, OperationTimeout));
            Assert.Equal("vscode-remote://ssh-remote+harness@127.0.0.1:2201/home/harness/shop", connect["remoteUri"]!.GetValue<string>());

            var stopped = Result(await server.RequestAsync(Methods.GitspacesStop, new JsonObject { ["id"] = id }, OperationTimeout))["gitspace"]!;
            Assert.Equal("stopped", stopped["state"]!.GetValue<string>());
            Assert.Contains(Notifications(server, Methods.Event, id), n => n["event"]!["type"]!.GetValue<string>() == "gitspace_action_stop_completed");

            var deleted = Result(await server.RequestAsync(Methods.GitspacesDelete, new JsonObject { ["id"] = id }, OperationTimeout));
            Assert.True(deleted["deleted"]!.GetValue<bool>());
            Assert.Null(standIn.StateOf(id));
            await server.WaitForAsync(m => m["method"]?.GetValue<string>() == Methods.DidChange && m["params"]!["gitspace"]!["state"]!.GetValue<string>() == "deleted");

            // A revoked token: Unauthorized, with a hint to log in again; the server lives on.
            standIn.Token = "revoked";
            var refused = await server.RequestAsync(Methods.GitspacesList, new JsonObject { ["provider"] = "harness" });
            Assert.Equal(ErrorCodes.Unauthorized, refused["error"]!["code"]!.GetValue<int>());
            Assert.Contains("gitspaces login harness", refused["error"]!["data"]!["hint"]!.GetValue<string>(), StringComparison.Ordinal);

            // The token never went into a notification, a response, or the sidecar's log file.
            Assert.Empty(server.StdoutViolations);
            Assert.DoesNotContain(HarnessTestBed.Token, string.Join("\n", server.Received.Select(m => m.ToJsonString())), StringComparison.Ordinal);
            Assert.DoesNotContain(HarnessTestBed.Token, server.Stderr, StringComparison.Ordinal);
            var logFiles = Directory.GetFiles(Path.Combine(home, "logs"));
            Assert.NotEmpty(logFiles);
            Assert.All(logFiles, f => Assert.DoesNotContain(HarnessTestBed.Token, File.ReadAllText(f), StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task An_editor_reads_the_account_options_and_pickers_lists_with_filters_and_updates_a_gitspace()
    {
        await using var standIn = await HarnessStandIn.StartAsync(HarnessTestBed.Token);
        var stopped = standIn.Seed("shop", state: "stopped");
        standIn.Seed("docs", state: "running");
        var home = Directory.CreateTempSubdirectory("gitspaces-harness-serve-").FullName;
        try
        {
            await using var server = SidecarProcess.Start(home, new Dictionary<string, string?> { ["GITSPACES_HARNESS_TOKEN"] = null });
            await server.InitializeAsync();
            Result(await server.RequestAsync(Methods.ProvidersConfigure, new JsonObject
            {
                ["provider"] = "harness",
                ["endpoint"] = standIn.BaseAddress.ToString(),
                ["accountIdentifier"] = HarnessStandIn.Account,
                ["orgIdentifier"] = HarnessStandIn.Org,
                ["projectIdentifier"] = HarnessStandIn.Project,
                ["token"] = HarnessTestBed.Token,
            }));

            var options = Result(await server.RequestAsync(Methods.GitspacesCreateOptions, new JsonObject { ["provider"] = "harness" }));
            var repos = Result(await server.RequestAsync(Methods.GitspacesListRepos, new JsonObject { ["provider"] = "harness", ["repositoryType"] = "github", ["search"] = "shop" }));
            var branches = Result(await server.RequestAsync(Methods.GitspacesListBranches, new JsonObject { ["provider"] = "harness", ["url"] = "https://github.com/acme/shop.git" }));
            var list = Result(await server.RequestAsync(Methods.GitspacesList, new JsonObject { ["provider"] = "harness", ["states"] = new JsonArray("stopped") }));
            var updated = Result(await server.RequestAsync(Methods.GitspacesUpdate, new JsonObject { ["id"] = stopped, ["name"] = "Shop (new look)", ["resource"] = new JsonObject { ["region"] = "us-east" } }, OperationTimeout))["gitspace"]!;
            var providers = Result(await server.RequestAsync(Methods.ProvidersList, new JsonObject { ["skipCheck"] = true }));

            Assert.Contains("us-east", options["machines"]!.AsArray().Select(m => m!["region"]?.GetValue<string>()));
            Assert.True(options["sshKeys"]!.GetValue<bool>());
            Assert.Equal("https://github.com/acme/shop.git", repos["repositories"]![0]!["url"]!.GetValue<string>());
            Assert.Contains("main", branches["branches"]!.AsArray().Select(b => b!.GetValue<string>()));
            Assert.Equal([stopped], list["gitspaces"]!.AsArray().Select(g => g!["id"]!.GetValue<string>()));
            Assert.Equal("Shop (new look)", updated["name"]!.GetValue<string>());
            Assert.Equal("standard-east", updated["resource"]!["machineType"]!.GetValue<string>());
            await server.WaitForAsync(m => m["method"]?.GetValue<string>() == Methods.DidChange && m["params"]!["gitspace"]!["name"]!.GetValue<string>() == "Shop (new look)");
            var harness = providers["providers"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "harness")!;
            Assert.Contains("update", harness["capabilities"]!.AsArray().Select(c => c!.GetValue<string>()));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static JsonObject Result(JsonObject response) =>
        response["result"]?.AsObject() ?? throw new Xunit.Sdk.XunitException("The server answered an error: " + response.ToJsonString());

    private static List<JsonObject> Notifications(SidecarProcess server, string method, string? gitspaceId) =>
        [.. server.Received
            .Where(m => m["method"]?.GetValue<string>() == method && m["id"] is null)
            .Select(m => m["params"]!.AsObject())
            .Where(p => gitspaceId is null || p["gitspaceId"]?.GetValue<string>() == gitspaceId)];
}
