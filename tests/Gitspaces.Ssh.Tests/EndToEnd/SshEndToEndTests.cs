using System.Security.Cryptography;
using Gitspaces.Ssh.Launch;
using Gitspaces.Ssh.Tests.Support;
using Xunit;

namespace Gitspaces.Ssh.Tests.EndToEnd;

/// <summary>The real OpenSSH client, through the config we wrote and the real proxy, into a real container.</summary>
[Collection(DockerTests.Name)]
public class SshEndToEndTests
{
    private static readonly TimeSpan SessionTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ssh_runs_whoami_and_git_status_in_the_workspace_folder()
    {
        // Awkward sidecar and state paths prove the quoting of ProxyCommand (a real shell) and of the key files (ssh's own).
        await using var world = await SshWorld.CreateAsync(sidecarFolderName: "Application Support 'n' $HOME", stateFolderName: "state 100% \"q\"");

        var whoami = await world.SshAsync("whoami");
        var status = await world.SshAsync("git", "-C", "'" + GitspaceContainer.WorkspaceFolder + "'", "status");

        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        Assert.Equal("dev", whoami.StandardOutput.Trim());
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("nothing to commit, working tree clean", status.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_entry_negotiates_the_classic_curve25519_key_exchange_rather_than_the_costly_post_quantum_default()
    {
        await using var world = await SshWorld.CreateAsync();

        var verbose = await Run.ProgramAsync("ssh", world.SshArguments(["-v", world.Alias, "true"]), environment: world.Environment);

        Assert.True(verbose.ExitCode == 0, verbose.ToString());
        Assert.Contains("kex: algorithm: curve25519-sha256", verbose.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interactive_session_gets_a_terminal_and_a_second_connection_works_meanwhile()
    {
        await using var world = await SshWorld.CreateAsync();
        using var session = world.StartInteractiveSession();

        await session.StandardInput.WriteAsync("tty; echo first-$((6*7))\n");
        await session.StandardInput.FlushAsync();
        var seen = await Run.ReadUntilAsync(session.StandardOutput, "first-42", SessionTimeout);
        var second = await world.SshAsync("echo", "second");
        await session.StandardInput.WriteAsync("exit 3\n");
        await session.StandardInput.FlushAsync();
        await session.WaitForExitAsync(new CancellationTokenSource(SessionTimeout).Token);

        Assert.Contains("/dev/pts/", seen, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("second", second.StandardOutput.Trim());
        Assert.Equal(3, session.ExitCode);
    }

    [Fact]
    public async Task Nothing_listens_on_the_host_or_in_the_gitspace_while_a_session_is_open()
    {
        await using var world = await SshWorld.CreateAsync();
        Assert.DoesNotContain(await HostListenersAsync(), IsOurs);

        using var session = world.StartInteractiveSession();
        await session.StandardInput.WriteAsync("echo open-$((6*7))\n");
        await session.StandardInput.FlushAsync();
        await Run.ReadUntilAsync(session.StandardOutput, "open-42", SessionTimeout);
        var hostDuring = await HostListenersAsync();
        var containerDuring = await world.Container.ListeningSocketsAsync();
        await session.StandardInput.WriteAsync("exit\n");
        await session.StandardInput.FlushAsync();
        await session.WaitForExitAsync(new CancellationTokenSource(SessionTimeout).Token);

        Assert.Empty(containerDuring);
        Assert.DoesNotContain(hostDuring, IsOurs);
    }

    [Fact]
    public async Task The_same_alias_connects_again_after_the_gitspace_is_stopped_and_started()
    {
        await using var world = await SshWorld.CreateAsync();
        Assert.Equal(0, (await world.SshAsync("true")).ExitCode);

        await world.Container.StopAsync();
        var whileStopped = await world.SshAsync("true");
        await world.Container.StartAgainAsync();
        var after = await world.SshAsync("whoami");

        Assert.Equal(255, whileStopped.ExitCode);
        Assert.Contains("is not running", whileStopped.StandardError, StringComparison.Ordinal);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Equal("dev", after.StandardOutput.Trim());
    }

    [Fact]
    public async Task A_gitspace_presenting_another_host_key_is_refused()
    {
        await using var world = await SshWorld.CreateAsync();
        using var impostor = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await world.Container.WriteFileAsync(SshServerConfig.DefaultHostKeyPath, impostor.ExportECPrivateKeyPem() + "\n", "600");

        var result = await world.SshAsync("echo", "should-not-run");

        Assert.Equal(255, result.ExitCode);
        Assert.DoesNotContain("should-not-run", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Host key verification failed", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unregister_and_remove_leave_no_trace_and_the_users_config_byte_for_byte()
    {
        var original = "# mine\r\nHost mine\r\n    HostName 127.0.0.1\r\n    User me\r\nMatch all\r\n    ServerAliveInterval 5"u8.ToArray();
        await using var world = await SshWorld.CreateAsync(userConfig: original);
        Assert.Equal(0, (await world.SshAsync("true")).ExitCode);
        var keyFolder = world.Identities.KeyDirectory(DockerExecSshChannelProvider.ProviderId, world.Container.Name);

        world.Registry.Unregister(DockerExecSshChannelProvider.ProviderId, world.Container.Name);
        world.Identities.Remove(DockerExecSshChannelProvider.ProviderId, world.Container.Name);
        var after = await world.SshAsync("true");

        Assert.Equal(original, await File.ReadAllBytesAsync(world.UserConfigPath));
        Assert.DoesNotContain(world.Alias, await File.ReadAllTextAsync(world.Registry.ConfigPath), StringComparison.Ordinal);
        Assert.DoesNotContain(world.Alias, await File.ReadAllTextAsync(world.Registry.KnownHostsPath), StringComparison.Ordinal);
        Assert.False(Directory.Exists(keyFolder));
        Assert.Equal(255, after.ExitCode);
    }

    [Fact]
    public async Task gitspaces_ssh_command_lines_pass_the_remote_exit_code_through()
    {
        await using var world = await SshWorld.CreateAsync();

        var inFolder = SshCommandLine.Build(world.Alias, GitspaceContainer.WorkspaceFolder, ["sh", "-c", "pwd && exit 7"], world.UserConfigPath);
        var result = await Run.ProgramAsync("ssh", ["-o", "BatchMode=yes", .. inFolder], environment: world.Environment);

        Assert.Equal(7, result.ExitCode);
        Assert.Equal(GitspaceContainer.WorkspaceFolder, result.StandardOutput.Trim());

        // Each argument arrives as given: no word splitting, no command run from a quoted word.
        var words = SshCommandLine.Build(world.Alias, GitspaceContainer.WorkspaceFolder, ["printf", "%s|", "a b", "c"], world.UserConfigPath);
        Assert.Equal("a b|c|", (await Run.ProgramAsync("ssh", ["-o", "BatchMode=yes", .. words], environment: world.Environment)).StandardOutput);
        Assert.Equal(0, await SshCommandLine.RunAsync(SshCommandLine.Build(world.Alias, null, ["true"], world.UserConfigPath), CancellationToken.None));
    }

    private static async Task<IReadOnlyList<string>> HostListenersAsync()
    {
        var result = await Run.CheckedAsync("ss", "-ltnupH");
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    // ss names processes by their 15-character comm.
    private static bool IsOurs(string line) =>
        line.Contains("\"ssh\"", StringComparison.Ordinal) || line.Contains("\"sshd\"", StringComparison.Ordinal) ||
        line.Contains("\"Gitspaces.Ssh.T\"", StringComparison.Ordinal) || line.Contains("\"gitspaces\"", StringComparison.Ordinal);
}
