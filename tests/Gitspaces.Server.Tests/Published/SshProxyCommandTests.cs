using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Published;

/// <summary>
/// The published <c>gitspaces ssh-proxy</c> (artifacts/bin, from <c>npm run build</c>), every gitspace's ProxyCommand,
/// refuses what it must against the real engine: one clear line on stderr, nothing on stdout (which belongs to the SSH
/// stream), and an exit code that is not 0. Sessions through it are the Ssh tests' end-to-end tests.
/// </summary>
[Collection(PublishedProgramTests.Name)]
public sealed class SshProxyCommandTests(DockerTestRun environment)
{
    [Fact]
    public async Task An_ssh_proxy_command_line_without_a_gitspace_is_refused_without_touching_stdout()
    {
        var result = await Run.ProgramAsync(await RealSidecar.RequireAsync(), ["ssh-proxy", "--provider", "docker"], stdin: string.Empty);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Required argument missing for command: 'ssh-proxy'", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task An_unknown_gitspace_is_refused()
    {
        var home = TempDirectory.Create("proxy-home");
        var result = await Run.ProgramAsync(await RealSidecar.RequireAsync(), ["ssh-proxy", "--home", home, "--provider", "docker", environment.Name("no-such")], stdin: string.Empty);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("gitspaces ssh-proxy: No gitspace is named", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task A_container_with_our_name_but_without_our_labels_is_refused()
    {
        var id = environment.Name("unlabelled");
        var home = TempDirectory.Create("proxy-home");
        await Run.CheckedAsync("docker", ["run", "-d", "--name", "gitspace-" + id, DockerTestRun.BaseImage, "sleep", "300"]);
        try
        {
            var result = await Run.ProgramAsync(await RealSidecar.RequireAsync(), ["ssh-proxy", "--home", home, "--provider", "docker", id], stdin: string.Empty);

            Assert.Equal(1, result.ExitCode);
            Assert.StartsWith($"gitspaces ssh-proxy: No gitspace is named '{id}'", result.StandardError, StringComparison.Ordinal);
            Assert.Empty(result.StandardOutput);
        }
        finally
        {
            await Run.ProgramAsync("docker", ["rm", "-f", "gitspace-" + id]);
        }
    }

    [Fact]
    public async Task An_engine_that_does_not_answer_is_named_with_a_hint()
    {
        var home = TempDirectory.Create("proxy-home");
        var socket = Path.Combine(home, "no-engine.sock");
        var result = await Run.ProgramAsync(
            await RealSidecar.RequireAsync(),
            ["ssh-proxy", "--home", home, "--provider", "docker", "x"],
            stdin: string.Empty,
            environment: new Dictionary<string, string> { ["DOCKER_HOST"] = "unix://" + socket });

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"gitspaces ssh-proxy: The Docker engine at unix://{socket} (DOCKER_HOST) does not answer", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task A_provider_without_an_ssh_channel_is_refused_with_exit_code_2()
    {
        var result = await Run.ProgramAsync(await RealSidecar.RequireAsync(), ["ssh-proxy", "--provider", "harness", "x"], stdin: string.Empty);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("gitspaces ssh-proxy: provider 'harness' has no SSH channel", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }
}
