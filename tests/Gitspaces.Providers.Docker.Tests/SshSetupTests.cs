using System.Text;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

/// <summary>
/// SSH setup both ways: by the entrypoint of a container that starts as root (no exec), and by a root exec for a
/// container that starts as another user; an image without sshd that cannot get one fails either way, naming the fix.
/// </summary>
[Collection(DockerTests.Name)]
public sealed class SshSetupTests(DockerEnvironment environment)
{
    [Theory]
    [InlineData("root-entrypoint", "")]
    [InlineData("user-entrypoint", "\"containerUser\": \"dev\",")]
    public async Task AnImageWithoutSshdAndNoPackageManager_FailsNamingTheFeature_WithTheSetupLog(string name, string extra)
    {
        var repo = environment.Repository("nosshd-" + name, Configs.Files(
            "{ \"build\": { \"dockerfile\": \"Dockerfile\" }, " + extra + " \"postCreateCommand\": \"touch never\" }",
            (".devcontainer/Dockerfile", $"FROM {DockerEnvironment.BaseImage}\nRUN useradd -m dev && rm -f /usr/sbin/sshd /usr/bin/apt-get\n")));
        using var sandbox = new Sandbox();
        var id = environment.Name("nosshd-" + name);

        var error = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(id, repo));

        Assert.Equal(ErrorCodes.OperationFailed, error.Code);
        Assert.Equal("ssh_setup", error.Details.Step);
        Assert.Contains("ghcr.io/devcontainers/features/sshd:1", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Details.Log!, l => l.Contains("no supported package manager", StringComparison.Ordinal));
        Assert.Contains(sandbox.LogText(id), l => l.Contains("sshd is missing in the image", StringComparison.Ordinal));
        var events = (await sandbox.Service.GetEventsAsync(id, CancellationToken.None)).Select(e => e.Type).ToList();
        Assert.Contains(EventTypes.SshSetupFailed, events);
        Assert.DoesNotContain(EventTypes.LifecycleCommandStart, events);
        Assert.Equal(GitspaceState.Error, (await sandbox.Service.GetAsync(id, CancellationToken.None)).State);

        // The container exists: the gitspace stays, in error, and the error says how to try again.
        Assert.Contains($"gitspaces rebuild {id}", error.Details.Hint, StringComparison.Ordinal);
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }

    [Fact]
    public async Task AContainerThatEndsDuringTheSetup_FailsSayingSo_WithTheLinesItPrinted()
    {
        // The setup asks `id` for the remote user's uid; this one stops the container's main process instead.
        var repo = environment.Repository("dies", Configs.Files(
            "{ \"build\": { \"dockerfile\": \"Dockerfile\" }, \"postCreateCommand\": \"touch never\" }",
            (".devcontainer/Dockerfile", $"FROM {DockerEnvironment.BaseImage}\nRUN printf '#!/bin/sh\\necho stopping the container >&2\\nkill -TERM 1\\nsleep 2\\n' > /usr/local/bin/id && chmod +x /usr/local/bin/id\n")));
        using var sandbox = new Sandbox();
        var id = environment.Name("dies");

        var error = await Assert.ThrowsAsync<GitspaceException>(() => sandbox.CreateAsync(id, repo));

        Assert.Equal(ErrorCodes.OperationFailed, error.Code);
        Assert.Equal("ssh_setup", error.Details.Step);
        Assert.Contains("The container stopped before SSH was set up", error.Message, StringComparison.Ordinal);
        Assert.Contains($"docker logs gitspace-{id}", error.Message, StringComparison.Ordinal);
        Assert.Contains("stopping the container", error.Details.Log!);
        Assert.Equal(GitspaceState.Error, (await sandbox.Service.GetAsync(id, CancellationToken.None)).State);
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }

    [Fact]
    public async Task AContainerThatStartsAsAnotherUser_IsSetUpByARootExec_AndItsChannelSpeaksSsh()
    {
        var repo = environment.Repository("asdev", Configs.Files(
            "{ \"build\": { \"dockerfile\": \"Dockerfile\" }, \"containerUser\": \"dev\", \"postCreateCommand\": \"id -un > who.txt\" }",
            (".devcontainer/Dockerfile", $"FROM {DockerEnvironment.BaseImage}\nRUN useradd -m dev\n")));
        using var sandbox = new Sandbox();
        var id = environment.Name("asdev");

        var created = await sandbox.CreateAsync(id, repo);
        await sandbox.Provider.DrainAsync(id);

        Assert.Equal(GitspaceState.Running, created.State);
        Assert.Equal("dev", created.RemoteUser);
        Assert.Equal("dev", DockerCli.Docker("exec", "gitspace-" + id, "cat", "/workspaces/asdev/who.txt"));
        Assert.False(DockerCli.Run("docker", "exec", "gitspace-" + id, "test", "-e", "/var/lib/gitspaces/ssh/setup.sh").ExitCode == 0, "the entrypoint hook is only for root containers");
        await using (var channel = await sandbox.Provider.OpenSshChannelAsync(id, CancellationToken.None))
        {
            await channel.WriteAsync(Encoding.ASCII.GetBytes("SSH-2.0-gitspaces-test\r\n"));
            var banner = new byte[64];
            var read = await channel.ReadAsync(banner);
            Assert.StartsWith("SSH-2.0-OpenSSH", Encoding.ASCII.GetString(banner, 0, read), StringComparison.Ordinal);
        }

        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }
}
