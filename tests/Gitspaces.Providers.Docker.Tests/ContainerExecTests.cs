using Gitspaces.Docker.Engine;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

/// <summary>Commands run in containers and their output read line by line, over the engine client, against the real engine.</summary>
[Collection(DockerTests.Name)]
public sealed class ContainerExecTests(DockerEnvironment environment)
{
    private static readonly EngineClient Engine = new(DockerEndpoint.Resolve(null, Environment.GetEnvironmentVariable));

    [Fact]
    public Task AnExec_SplitsItsOutputByStreamAndLine_AndReturnsItsExitCode() =>
        WithCreatedContainerAsync("exec", "exec sleep 300", async name =>
        {
            await Engine.StartContainerAsync(name, CancellationToken.None);

            // Output split by stream, line by line, and the exit code.
            var lines = new List<(string Stream, string Line)>();
            var exit = await ContainerExec.RunAsync(Engine, name, ["/bin/sh", "-c", "echo out; echo err >&2; printf 'no newline'; exit 7"], "root", "/tmp", ["GREETING=hi"], (s, l) => lines.Add((s, l)), CancellationToken.None);
            Assert.Equal(7, exit);
            Assert.Contains(("stdout", "out"), lines);
            Assert.Contains(("stderr", "err"), lines);
            Assert.Contains(("stdout", "no newline"), lines);

            var environmentLines = new List<string>();
            Assert.Equal(0, await ContainerExec.RunAsync(Engine, name, ["/bin/sh", "-c", "echo $GREETING $(pwd) $(id -un)"], "root", "/tmp", ["GREETING=hi"], (_, l) => environmentLines.Add(l), CancellationToken.None));
            Assert.Equal(["hi /tmp root"], environmentLines);
        });

    [Fact]
    public Task AnAttachMadeBeforeTheStart_SeesEveryLineByStream_AndEndsWithTheContainer() =>
        WithCreatedContainerAsync("attach", "echo first; echo second >&2; printf third", async name =>
        {
            await using var output = await Engine.AttachAsync(name, CancellationToken.None);
            await Engine.StartContainerAsync(name, CancellationToken.None);
            var lines = new List<(string Stream, string Line)>();

            var stopped = await ContainerExec.ReadLinesAsync(output, (s, l) => { lines.Add((s, l)); return false; }, CancellationToken.None);

            Assert.False(stopped);
            Assert.Equal(["first", "third"], lines.Where(l => l.Stream == "stdout").Select(l => l.Line));
            Assert.Equal(["second"], lines.Where(l => l.Stream == "stderr").Select(l => l.Line));
        });

    [Fact]
    public Task ReadingStopsAtTheLineAskedFor_AndDetachingLeavesTheContainerRunning() =>
        WithCreatedContainerAsync("detach", "echo ready; echo after; exec sleep 300", async name =>
        {
            var seen = new List<string>();
            await using (var output = await Engine.AttachAsync(name, CancellationToken.None))
            {
                await Engine.StartContainerAsync(name, CancellationToken.None);

                Assert.True(await ContainerExec.ReadLinesAsync(output, (_, l) => { seen.Add(l); return l == "ready"; }, CancellationToken.None));
            }

            Assert.Equal(["ready"], seen);
            Assert.True((await Engine.InspectContainerAsync(name, CancellationToken.None))!.State.Running);
            Assert.Equal("ready\nafter", DockerCli.Docker("logs", name));
        });

    /// <summary>Runs a test on a created (not started) container that runs a shell script, and removes it after.</summary>
    private async Task WithCreatedContainerAsync(string suffix, string script, Func<string, Task> test)
    {
        var name = "gitspace-" + environment.Name(suffix);
        DockerCli.Docker("create", "--name", name, "--label", "dev.gitspaces.test-run=" + environment.RunId, DockerEnvironment.BaseImage, "sh", "-c", script);
        try
        {
            await test(name);
        }
        finally
        {
            DockerCli.Run("docker", "rm", "-f", name);
        }
    }
}
