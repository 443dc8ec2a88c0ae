using System.Diagnostics;
using Gitspaces.Providers.Harness.Tests.StandIn;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Harness.Tests;

/// <summary>The real <c>gitspaces</c> command line: log in with the token on stdin, then use the provider.</summary>
public sealed class HarnessCliTests
{
    [Fact]
    public async Task Login_reads_the_token_from_stdin_and_list_then_uses_the_saved_login()
    {
        await using var standIn = await HarnessStandIn.StartAsync(HarnessTestBed.Token);
        var id = standIn.Seed("from-the-web-ui", state: "running");
        var home = Directory.CreateTempSubdirectory("gitspaces-harness-cli-").FullName;
        try
        {
            var login = await RunAsync(home, HarnessTestBed.Token + "\n", "login", "harness", "--endpoint", standIn.BaseAddress.ToString(), "--account", HarnessStandIn.Account, "--org", HarnessStandIn.Org, "--project", HarnessStandIn.Project);
            var list = await RunAsync(home, null, "list", "--provider", "harness", "--json");
            standIn.Token = "revoked";
            var refused = await RunAsync(home, null, "list", "--provider", "harness");

            Assert.True(login.ExitCode == 0, login.Output);
            Assert.Contains("logged in to", login.Output, StringComparison.Ordinal);
            Assert.True(list.ExitCode == 0, list.Output);
            Assert.Contains(id, list.Output, StringComparison.Ordinal);
            Assert.Contains("\"running\"", list.Output, StringComparison.Ordinal);
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("gitspaces login harness", refused.Output, StringComparison.Ordinal);
            Assert.All([login, list, refused], r => Assert.DoesNotContain(HarnessTestBed.Token, r.Output, StringComparison.Ordinal));
            Assert.All(Directory.GetFiles(home, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "harness.token"), f => Assert.DoesNotContain(HarnessTestBed.Token, File.ReadAllText(f), StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task Update_and_list_filters_work_from_the_command_line()
    {
        await using var standIn = await HarnessStandIn.StartAsync(HarnessTestBed.Token);
        var stopped = standIn.Seed("shop", state: "stopped");
        var running = standIn.Seed("docs", state: "running");
        var home = Directory.CreateTempSubdirectory("gitspaces-harness-cli-").FullName;
        try
        {
            var login = await RunAsync(home, HarnessTestBed.Token + "\n", "login", "harness", "--endpoint", standIn.BaseAddress.ToString(), "--account", HarnessStandIn.Account, "--org", HarnessStandIn.Org, "--project", HarnessStandIn.Project);
            var update = await RunAsync(home, null, "update", stopped, "--name", "Shop (new look)", "--ide", "intellij", "--machine", "large", "--json");
            var busy = await RunAsync(home, null, "update", running, "--ide", "cursor");
            var list = await RunAsync(home, null, "list", "--provider", "harness", "--state", "stopped", "--query", "shop");

            Assert.True(login.ExitCode == 0, login.Output);
            Assert.True(update.ExitCode == 0, update.Output);
            Assert.Contains("\"outcome\":\"success\"", update.Output, StringComparison.Ordinal);
            Assert.Contains("\"name\":\"Shop (new look)\"", update.Output, StringComparison.Ordinal);
            Assert.Contains("\"ide\":\"intellij\"", update.Output, StringComparison.Ordinal);
            Assert.NotEqual(0, busy.ExitCode);
            Assert.Contains($"gitspaces stop {running}", busy.Output, StringComparison.Ordinal);
            Assert.True(list.ExitCode == 0, list.Output);
            Assert.Contains(stopped, list.Output, StringComparison.Ordinal);
            Assert.Contains("Shop (new look)", list.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(running, list.Output, StringComparison.Ordinal);
            Assert.Contains(standIn.Requests, r => r.Query.Contains("gitspace_states=stopped", StringComparison.Ordinal) && r.Query.Contains("query=shop", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string home, string? stdin, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost.Path) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(SidecarProcess.ServerAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GITSPACES_HOME"] = home;
        start.Environment["HOME"] = home;
        start.Environment.Remove("GITSPACES_HARNESS_TOKEN");
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
