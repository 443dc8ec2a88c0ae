using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Published;

/// <summary>
/// What the published program writes while it works, for each reader: plain step lines when stdout is a pipe (no
/// terminal codes), exactly one JSON line on stdout with <c>--json</c> (the steps go to stderr), and nothing but
/// framed JSON-RPC on the stdout of <c>serve</c>, with <c>$/progress</c> for a request that asked for it.
/// </summary>
[Collection(PublishedProgramTests.Name)]
public sealed partial class ProgressOutputTests(DockerTestRun run)
{
    [Fact]
    public async Task Up_of_a_local_folder_into_a_pipe_prints_plain_step_lines_and_how_to_connect()
    {
        await using var user = await PublishedUser.CreateAsync();
        var repository = await TestRepository.CreatePlainAsync("piped");
        var name = run.Name("piped");

        // Installed: the program is on PATH, so the next steps name it as the user types it.
        user.Environment["PATH"] = Path.GetDirectoryName(user.Program) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        var up = PublishedUser.Succeeded(await user.UpAsync(repository, name));

        var lines = up.StandardOutput.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain('\u001b', up.StandardOutput);
        var steps = lines.Select(l => StepLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["type"].Value).ToList();
        Assert.Equal(EventTypes.ActionStart, steps[0]);
        Assert.True(
            steps.IndexOf(EventTypes.RepositoryCloneStart) is var cloning and > 0
            && steps.IndexOf(EventTypes.RepositoryCloneCompleted) > cloning
            && steps.IndexOf(EventTypes.GitspaceReady) > steps.IndexOf(EventTypes.RepositoryCloneCompleted),
            up.StandardOutput);
        Assert.Equal(EventTypes.AgentConnectCompleted, steps[^1]);
        Assert.Matches($"^gitspace {Regex.Escape(name)} is up \\(.+\\) in [0-9.]+ s$", lines[^2]);
        Assert.Equal($"connect: gitspaces ssh {name}   |   open in VS Code: gitspaces open {name} --ide vscode", lines[^1]);

        // Every line is a step, a log line of a step, or the two closing lines.
        Assert.All(lines[..^2], l => Assert.True(StepLine().IsMatch(l) || l.StartsWith("  | ", StringComparison.Ordinal), $"not a step or log line: {l}"));
        var get = PublishedUser.SingleJsonLine(PublishedUser.Succeeded(await user.RunAsync(["get", name, "--json"])));
        Assert.Equal(await TestRepository.HeadAsync(repository), get["gitspace"]!["repository"]!["commit"]!.GetValue<string>());
    }

    [Fact]
    public async Task Up_with_json_prints_exactly_one_json_line_with_the_outcome_and_the_steps_on_stderr()
    {
        await using var user = await PublishedUser.CreateAsync();
        var name = run.Name("json");

        var (line, up) = await user.UpJsonAsync(await TestRepository.CreatePlainAsync("scripted"), name);

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Equal("success", line["outcome"]!.GetValue<string>());
        Assert.Equal(name, line["gitspace"]!["id"]!.GetValue<string>());
        Assert.Equal("running", line["gitspace"]!["state"]!.GetValue<string>());
        Assert.Equal("docker", line["gitspace"]!["provider"]!.GetValue<string>());
        Assert.Null(line["error"]);
        Assert.Contains($"] {EventTypes.GitspaceReady}: ", up.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_writes_only_framed_json_rpc_on_stdout_while_it_creates_with_progress()
    {
        await using var user = await PublishedUser.CreateAsync();
        var name = run.Name("served");
        var repository = await TestRepository.CreatePlainAsync("served");
        await using var server = user.Serve("--log-level", "debug");
        await server.InitializeAsync();
        try
        {
            var created = await server.RequestAsync(
                Methods.GitspacesCreate,
                new JsonObject { ["name"] = name, ["repository"] = new JsonObject { ["url"] = repository }, ["workDoneToken"] = "create-1" },
                PublishedUser.Patience);
            Assert.True(created["result"] is not null, created.ToJsonString() + "\n" + server.Stderr);
            Assert.Equal("running", created["result"]!["gitspace"]!["state"]!.GetValue<string>());
            var progress = server.Received.Where(m => m["method"]?.GetValue<string>() == Methods.Progress && m["params"]!["token"]!.GetValue<string>() == "create-1").Select(m => m["params"]!["value"]!["kind"]!.GetValue<string>()).ToList();
            Assert.Equal("begin", progress[0]);
            Assert.Equal("end", progress[^1]);
            Assert.Contains(server.Received, m => m["method"]?.GetValue<string>() == Methods.Event && m["params"]!["event"]!["type"]!.GetValue<string>() == EventTypes.RepositoryCloneCompleted);

            var deleted = await server.RequestAsync(Methods.GitspacesDelete, new JsonObject { ["id"] = name }, PublishedUser.Patience);
            Assert.True(deleted["result"]!["deleted"]!.GetValue<bool>(), deleted.ToJsonString());
            await server.RequestAsync(Methods.Shutdown);
            await server.NotifyAsync(Methods.Exit);
            Assert.Equal(0, await server.WaitForExitAsync());

            // The debug log went to stderr and the log file, never between the frames.
            Assert.Empty(server.StdoutViolations);
            Assert.NotEmpty(server.Stderr);
        }
        finally
        {
            if (!server.Process.HasExited)
            {
                await server.RequestAsync(Methods.GitspacesDelete, new JsonObject { ["id"] = name }, PublishedUser.Patience);
            }
        }
    }

    [GeneratedRegex(@"^\[\s*[0-9]+\.[0-9]s\] (?<type>[a-z_]+): .+$")]
    private static partial Regex StepLine();
}
