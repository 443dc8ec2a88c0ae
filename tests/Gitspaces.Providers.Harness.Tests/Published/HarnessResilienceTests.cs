using System.Text.Json.Nodes;
using Gitspaces.Protocol;
using Gitspaces.Providers.Harness.Tests.StandIn;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Harness.Tests.Published;

/// <summary>
/// The published <c>gitspaces serve</c> (Native AOT, as users get it) against the stand-in control plane: the
/// standard resilience pipeline of Microsoft.Extensions.Http.Resilience (Polly), wired through the HTTP client factory,
/// still retries a read that met a 503 once, and a control plane that keeps answering 503 ends in ProviderUnavailable
/// after the retries, with the server alive. It lives here, next to the stand-in (ASP.NET Core), not in Server.Tests.
/// </summary>
public sealed class HarnessResilienceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_503_once_is_retried_and_a_503_that_persists_ends_in_ProviderUnavailable()
    {
        await using var standIn = await HarnessStandIn.StartAsync(HarnessTestBed.Token);
        var home = TempDirectory.Create("harness-published");
        var listPath = $"/gateway/cde/api/v1/accounts/{HarnessStandIn.Account}/orgs/{HarnessStandIn.Org}/projects/{HarnessStandIn.Project}/gitspaces";
        try
        {
            await using var server = SidecarProcess.StartProgram(await RealSidecar.RequireAsync(), home, new Dictionary<string, string?> { ["GITSPACES_HARNESS_TOKEN"] = null });
            await server.InitializeAsync();
            var configured = await server.RequestAsync(Methods.ProvidersConfigure, new JsonObject
            {
                ["provider"] = "harness",
                ["endpoint"] = standIn.BaseAddress.ToString(),
                ["accountIdentifier"] = HarnessStandIn.Account,
                ["orgIdentifier"] = HarnessStandIn.Org,
                ["projectIdentifier"] = HarnessStandIn.Project,
                ["token"] = HarnessTestBed.Token,
            });
            Assert.True(configured["result"]?["provider"]?["reachable"]?.GetValue<bool>() == true, configured.ToJsonString() + "\n" + server.Stderr);
            var seeded = standIn.Seed("resilient");
            var before = Statuses(standIn, listPath).Count;

            standIn.Fail("GET", "/gitspaces", 503, """{"message":"upstream unavailable"}""", times: 1);
            var once = await server.RequestAsync(Methods.GitspacesList, new JsonObject { ["provider"] = "harness" }, Patience);

            Assert.True(once["result"] is not null, once.ToJsonString() + "\n" + server.Stderr);
            Assert.Contains(once["result"]!["gitspaces"]!.AsArray(), g => g!["id"]!.GetValue<string>() == seeded);
            Assert.Equal([503, 200], Statuses(standIn, listPath).Skip(before));

            standIn.Fail("GET", "/gitspaces", 503, """{"message":"upstream unavailable"}""", times: 100);
            var persistent = await server.RequestAsync(Methods.GitspacesList, new JsonObject { ["provider"] = "harness" }, Patience);

            Assert.True(persistent["error"] is not null, persistent.ToJsonString());
            Assert.Equal(ErrorCodes.ProviderUnavailable, persistent["error"]!["code"]!.GetValue<int>());
            Assert.Contains("upstream unavailable", persistent["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("harness", persistent["error"]!["data"]!["provider"]!.GetValue<string>());

            // The first try and the three retries the sidecar allows, each answered 503.
            Assert.Equal([503, 200, 503, 503, 503, 503], Statuses(standIn, listPath).Skip(before));

            // And the server lives on.
            var providers = await server.RequestAsync(Methods.ProvidersList, new JsonObject());
            Assert.NotNull(providers["result"]);
            Assert.Empty(server.StdoutViolations);
            Assert.DoesNotContain(HarnessTestBed.Token, server.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static List<int> Statuses(HarnessStandIn standIn, string path) =>
        [.. standIn.Requests.Where(r => r.Method == "GET" && r.Path == path).Select(r => r.Status)];
}
