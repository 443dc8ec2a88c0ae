using System.Diagnostics;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Published;

/// <summary>
/// Work that is interrupted, as users interrupt it: Ctrl+C (SIGINT) in <c>up</c> while a lifecycle command runs, and
/// <c>up</c> killed outright during the setup; the next command finds the gitspace in a state it can say and mend.
/// </summary>
[Collection(PublishedProgramTests.Name)]
public sealed class InterruptTests(DockerTestRun run)
{
    [Theory]
    [InlineData("onCreateCommand")]
    [InlineData("postCreateCommand")]
    public async Task Ctrl_c_in_up_stops_the_lifecycle_command_says_cancelled_and_leaves_the_gitspace_in_error(string hook)
    {
        await using var user = await PublishedUser.CreateAsync();
        // What the command prints, not its text (which the step line before it shows): $((6 * 7)) becomes 42.
        var started = $"{hook}-42-started";

        // A command with a child of its own, as `npm install` has: both must stop.
        var repository = await TestRepository.CreateAsync("cancelled", new Dictionary<string, string>
        {
            [".devcontainer/devcontainer.json"] = $$"""{ "image": "{{DockerTestRun.BaseImage}}", "{{hook}}": "sleep 3607 & echo {{hook}}-$((6 * 7))-started; wait" }""",
        });
        var name = run.Name($"ctrl-c-{hook[..6].ToLowerInvariant()}");
        using var up = user.Start(["up", repository, "--name", name], gitspace: name);
        var stderr = up.StandardError.ReadToEndAsync();

        await Run.ReadUntilAsync(up.StandardOutput, started, PublishedUser.Patience);
        var stdout = up.StandardOutput.ReadToEndAsync();
        await Run.CheckedAsync("kill", "-INT", up.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ExitAsync(up);

        Assert.True(up.ExitCode == 130, $"exit {up.ExitCode}\n{await stdout}\n{await stderr}");
        Assert.Contains("cancelled", await stderr, StringComparison.Ordinal);
        var gitspace = PublishedUser.SingleJsonLine(PublishedUser.Succeeded(await user.RunAsync(["get", name, "--json"])))["gitspace"]!;
        Assert.Equal("error", gitspace["state"]!.GetValue<string>());
        Assert.Equal("The create was cancelled.", gitspace["errorMessage"]!.GetValue<string>());
        Assert.DoesNotContain("sleep 3607", await ProcessesInAsync(name), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_after_up_was_killed_during_on_create_finishes_the_hooks_that_never_ran_and_connect_agrees_with_get()
    {
        await using var user = await PublishedUser.CreateAsync();
        // What the command prints, not its text (which the step line before it shows): $((6 * 7)) becomes 42.
        var started = "on-create-42-started";

        // The first onCreate blocks (the sidecar is killed during it); run again, it finishes.
        var onCreate = "if [ -e /tmp/on-create-once ]; then touch /tmp/on-create-again; else touch /tmp/on-create-once; echo on-create-$((6 * 7))-started; sleep 3607; fi";
        var repository = await TestRepository.CreateAsync("interrupted", new Dictionary<string, string>
        {
            [".devcontainer/devcontainer.json"] = $$"""{ "image": "{{DockerTestRun.BaseImage}}", "onCreateCommand": "{{onCreate}}", "postCreateCommand": "touch /tmp/post-create-ran" }""",
        });
        var name = run.Name("killed");
        using (var up = user.Start(["up", repository, "--name", name], gitspace: name))
        {
            await Run.ReadUntilAsync(up.StandardOutput, started, PublishedUser.Patience);
            up.Kill();
            await ExitAsync(up);
        }

        var interrupted = PublishedUser.SingleJsonLine(PublishedUser.Succeeded(await user.RunAsync(["get", name, "--json"])))["gitspace"]!;
        Assert.Equal("error", interrupted["state"]!.GetValue<string>());
        Assert.Contains("stopped while it was running 'create'", interrupted["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
        var connect = await user.RunAsync(["open", name, "--print"]);
        Assert.True(connect.ExitCode != 0, $"connect must agree with get (error):\n{connect}");

        var start = await user.RunAsync(["start", name]);

        Assert.True(start.ExitCode == 0, start.ToString());
        var gitspace = PublishedUser.SingleJsonLine(PublishedUser.Succeeded(await user.RunAsync(["get", name, "--json"])))["gitspace"]!;
        Assert.Equal("running", gitspace["state"]!.GetValue<string>());
        Assert.Equal("ready", gitspace["readiness"]!.GetValue<string>());
        var processes = await ProcessesInAsync(name);
        Assert.DoesNotContain("sleep 3607", processes, StringComparison.Ordinal);
        PublishedUser.Succeeded(await user.RunAsync(["ssh", name, "--", "test", "-e", "/tmp/on-create-again", "-a", "-e", "/tmp/post-create-ran"], TimeSpan.FromMinutes(2)));
        PublishedUser.Succeeded(await user.RunAsync(["open", name, "--print"]));
    }

    private static async Task ExitAsync(Process process)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The program did not end within 2 minutes of its signal.");
        }
    }

    /// <summary>The command lines of the processes in a gitspace's container, one a line.</summary>
    private static async Task<string> ProcessesInAsync(string gitspace) =>
        (await Run.CheckedAsync("docker", "exec", $"gitspace-{gitspace}", "sh", "-c", "for f in /proc/[0-9]*/cmdline; do tr '\\000' ' ' < $f; echo; done")).StandardOutput;
}
