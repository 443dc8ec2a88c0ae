using Gitspaces.Ssh.Config;
using Gitspaces.Ssh.Tests.Support;
using Xunit;

namespace Gitspaces.Ssh.Tests.EndToEnd;

/// <summary>
/// The whole path with product code: GitspaceService and the Docker provider create a gitspace from a real git
/// repository, connect registers it with our registry, and the real ssh goes through the ProxyCommand into the
/// provider's own channel (Docker's attached exec of sshd -i) through the published Native AOT <c>gitspaces ssh-proxy</c>.
/// </summary>
[Collection(DockerTests.Name)]
public sealed class DockerProviderSshTests
{
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Create_connect_ssh_stop_start_and_delete_through_the_real_gitspaces_ssh_proxy() =>
        await CreateConnectSshStopStartAndDeleteAsync(await RealSidecar.RequireAsync());

    private static async Task CreateConnectSshStopStartAndDeleteAsync(string proxyProgram)
    {
        using var cts = new CancellationTokenSource(OperationTimeout);
        await using var world = await DockerGitspaceWorld.CreateAsync(cts.Token, proxyProgram);

        var connect = await world.ConnectAsync(cts.Token);
        var whoami = await world.SshAsync(connect.SshHost, "whoami");
        var status = await world.SshAsync(connect.SshHost, $"git -C '{connect.WorkspaceFolder}' status");

        Assert.Equal("gitspace-" + world.Name, connect.SshHost);
        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        Assert.Equal(connect.User, whoami.StandardOutput.Trim());
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("On branch", status.StandardOutput, StringComparison.Ordinal);

        await world.Service.StopAsync(world.Name, null, cts.Token);
        var whileStopped = await world.SshAsync(connect.SshHost, "true");
        await world.Service.StartAsync(world.Name, null, cts.Token);
        var afterStart = await world.SshAsync(connect.SshHost, "whoami");

        Assert.Equal(255, whileStopped.ExitCode);
        Assert.Contains("gitspaces ssh-proxy:", whileStopped.StandardError, StringComparison.Ordinal);
        Assert.True(afterStart.ExitCode == 0, afterStart.ToString());

        var keyFolder = world.Identities.KeyDirectory("docker", world.Name);
        await world.Service.DeleteAsync(world.Name, null, cts.Token);

        Assert.False(Directory.Exists(keyFolder));
        Assert.Null(world.Registry.FindAlias("docker", world.Name));
        Assert.DoesNotContain(connect.SshHost, await File.ReadAllTextAsync(world.Registry.KnownHostsPath), StringComparison.Ordinal);
        Assert.False(UserSshConfig.HasManagedBlock(await File.ReadAllBytesAsync(world.Registry.UserConfigPath)));
    }
}
