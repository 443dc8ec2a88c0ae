using System.Text;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

[Collection(DockerTests.Name)]
public sealed class LifecycleTests(DockerEnvironment environment)
{
    [Fact]
    public async Task EveryCommandFormRunsInOrderOnCreateOnlyPostStartOnStartPostAttachOnConnect_AndDeleteRemovesEverything()
    {
        var repo = environment.Repository("lifecycle", Configs.Files(Configs.Image("""
            "onCreateCommand": "echo step-oncreate",
            "updateContentCommand": ["/bin/echo", "step-update $HOME"],
            "postCreateCommand": { "a": "echo step-pc-a", "b": ["/bin/echo", "step-pc-b"] },
            "postStartCommand": "echo step-poststart; pwd",
            "postAttachCommand": "echo step-attach",
            "waitFor": "postStartCommand",
            """)));
        using var sandbox = new Sandbox();
        var id = environment.Name("lifecycle");

        var created = await sandbox.CreateAsync(id, repo);

        Assert.Equal(GitspaceState.Running, created.State);
        Assert.Equal(GitspaceReadiness.Ready, created.Readiness);
        Assert.Equal("/workspaces/lifecycle", created.WorkspaceFolder);
        Assert.Equal("root", created.RemoteUser);
        Assert.Equal(repo, created.Repository.Url);
        Assert.Equal("main", created.Repository.Branch);
        Assert.Matches("^[0-9a-f]{40}$", created.Repository.Commit);
        var log = sandbox.LogText(id);
        var steps = log.Where(l => l.Contains("step-", StringComparison.Ordinal) || l.StartsWith('/')).ToList();

        // Array form: exec'd without a shell, so $HOME stays literal; object form: both entries, prefixed by name.
        Assert.Equal(["step-oncreate", "step-update $HOME"], steps.Take(2));
        Assert.Equal(["[a] step-pc-a", "[b] step-pc-b"], steps.Skip(2).Take(2).Order());
        Assert.Equal(["step-poststart", "/workspaces/lifecycle"], steps.Skip(4));
        Assert.Equal("a test repository", DockerCli.Docker("exec", "gitspace-" + id, "cat", "/workspaces/lifecycle/README.md"));

        await sandbox.Service.StopAsync(id, null, CancellationToken.None);
        Assert.Equal(GitspaceState.Stopped, (await sandbox.Service.GetAsync(id, CancellationToken.None)).State);
        Assert.Equal("false", DockerCli.Docker("inspect", "-f", "{{.State.Running}}", "gitspace-" + id));

        var started = await sandbox.Service.StartAsync(id, null, CancellationToken.None);
        Assert.Equal(GitspaceState.Running, started.State);
        var afterStart = sandbox.LogText(id).Skip(log.Count).Where(l => l.Contains("step-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["step-poststart"], afterStart);

        var connect = await sandbox.Service.ConnectAsync(id, null, null, CancellationToken.None);
        Assert.Equal("gitspace-" + id, connect.SshHost);
        Assert.Equal("root", connect.User);
        Assert.Equal($"vscode-remote://ssh-remote+gitspace-{id}/workspaces/lifecycle", connect.RemoteUri);
        Assert.Contains("step-attach", sandbox.LogText(id));

        // The SSH channel speaks SSH: the adapter hands over sshd's stdout only.
        await using (var channel = await sandbox.Provider.OpenSshChannelAsync(id, CancellationToken.None))
        {
            var banner = new byte[64];
            var read = await channel.ReadAsync(banner);
            Assert.StartsWith("SSH-2.0-OpenSSH", Encoding.ASCII.GetString(banner, 0, read), StringComparison.Ordinal);
        }

        // A real OpenSSH client logs in with the gitspace's key through sshd -i over docker exec, the host key pinned.
        var identity = sandbox.Identities.GetOrCreate("docker", id);
        var knownHosts = Path.Combine(sandbox.Home, "known_hosts");
        File.WriteAllText(knownHosts, "gitspace " + identity.HostPublicKey + "\n");
        var ssh = DockerCli.Run(
            "ssh",
            "-F", "/dev/null",
            "-i", identity.ClientPrivateKeyPath,
            "-o", "IdentitiesOnly=yes",
            "-o", "BatchMode=yes",
            "-o", "UserKnownHostsFile=" + knownHosts,
            "-o", "StrictHostKeyChecking=yes",
            "-o", "HostKeyAlias=gitspace",
            "-o", $"ProxyCommand=docker exec -i gitspace-{id} /usr/sbin/sshd -i -f /var/lib/gitspaces/ssh/sshd_config",
            "root@gitspace",
            "cat /workspaces/lifecycle/README.md");
        Assert.True(ssh.ExitCode == 0, ssh.Output);
        Assert.Contains("a test repository", ssh.Output, StringComparison.Ordinal);

        var events = (await sandbox.Service.GetEventsAsync(id, CancellationToken.None)).Select(e => e.Type).ToList();
        AssertInOrder(events, EventTypes.ActionStart, EventTypes.InfraProvisioningStart, EventTypes.FetchDevcontainerStart, EventTypes.RepositoryCloneCompleted, EventTypes.FetchDevcontainerCompleted, EventTypes.AgentGitspaceCreationStart, EventTypes.SshSetupCompleted, EventTypes.AgentGitspaceCreationCompleted, EventTypes.LifecycleCommandStart, EventTypes.GitspaceReady, EventTypes.ActionStartCompleted, EventTypes.ActionStop, EventTypes.ActionStopCompleted, EventTypes.ActionStart, EventTypes.ActionStartCompleted, EventTypes.AgentConnectCompleted);
        Assert.Contains(sandbox.Changes, c => c.Id == id && c.State == GitspaceState.Running && c.Readiness == GitspaceReadiness.SettingUp);

        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
        Assert.False(DockerCli.Exists("container", "gitspace-" + id));
        Assert.False(DockerCli.Exists("volume", $"gitspace-{id}-workspace"));
        Assert.False(Directory.Exists(Path.Combine(sandbox.Paths.DataDirectory, "docker", "clones", id)));
        Assert.False(Directory.Exists(sandbox.Identities.KeyDirectory("docker", id)));
        Assert.False(File.Exists(Path.Combine(sandbox.Paths.GitspaceDirectoryPath("docker", id), "docker-gitspace.json")));
        Assert.Null(sandbox.Hosts.FindAlias("docker", id));
        Assert.DoesNotContain(await sandbox.Provider.ListAsync(CancellationToken.None), g => g.Id == id);
    }

    [Fact]
    public async Task AfterWaitForTheGitspaceIsReadyWhileLaterCommandsRun_AndALaterFailureIsAStartErrorNamingTheCommand()
    {
        // Default waitFor is updateContentCommand: postCreate runs after the gitspace is reported ready.
        var repo = environment.Repository("waitfor", Configs.Files(Configs.Image("""
            "updateContentCommand": "echo update-done",
            "postCreateCommand": "echo postcreate-began; while [ ! -f /tmp/go ]; do sleep 0.1; done; echo postcreate-broke; exit 4",
            """)));
        using var sandbox = new Sandbox();
        var id = environment.Name("waitfor");

        var created = await sandbox.CreateAsync(id, repo);

        Assert.Equal(GitspaceState.Running, created.State);
        Assert.Equal(GitspaceReadiness.Ready, created.Readiness);
        Assert.Contains("update-done", sandbox.LogText(id));
        Assert.DoesNotContain("postcreate-broke", sandbox.LogText(id));

        // The gitspace is free while postCreate goes on: another operation's lock is available.
        DockerCli.Docker("exec", "gitspace-" + id, "touch", "/tmp/go");
        var failed = await sandbox.WaitForAsync(id, g => g.Readiness == GitspaceReadiness.StartError);
        Assert.Equal(GitspaceState.Running, failed.State);
        Assert.Contains("postCreateCommand", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("exit code 4", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.True(
            await sandbox.WaitForChangeAsync(c => c.Id == id && c.Readiness == GitspaceReadiness.StartError, TimeSpan.FromSeconds(30)),
            "clients were never told about the start error");
        Assert.Contains("postcreate-broke", sandbox.LogText(id));

        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }

    [Fact]
    public async Task ACommandFailingBeforeWaitForLeavesTheGitspaceInErrorNamingIt_AndDeleteThenCreateAgainWorks()
    {
        var repo = environment.Repository("failing", Configs.Files(Configs.Image("""
            "postCreateCommand": "echo about-to-fail; exit 3",
            "waitFor": "postCreateCommand",
            """)), new Dictionary<string, IReadOnlyDictionary<string, string>> { ["fixed"] = Configs.Files(Configs.Image("\"postCreateCommand\": \"echo fine\",")) });
        using var sandbox = new Sandbox();
        var id = environment.Name("failing");

        var error = await Assert.ThrowsAsync<Core.Errors.GitspaceException>(() => sandbox.CreateAsync(id, repo));

        Assert.Equal(ErrorCodes.OperationFailed, error.Code);
        Assert.Equal("postCreateCommand", error.Details.Step);
        Assert.Contains("postCreateCommand from devcontainer.json failed with exit code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("about-to-fail", error.Details.Log!);
        var listed = await sandbox.Service.GetAsync(id, CancellationToken.None);
        Assert.Equal(GitspaceState.Error, listed.State);
        Assert.Contains("postCreateCommand", listed.ErrorMessage, StringComparison.Ordinal);

        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
        var retried = await sandbox.CreateAsync(id, repo, "fixed");
        Assert.Equal(GitspaceState.Running, retried.State);
        Assert.Equal("fixed", retried.Repository.Branch);
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }

    private static void AssertInOrder(List<string> actual, params string[] expected)
    {
        var position = 0;
        foreach (var type in expected)
        {
            var found = -1;
            for (var i = position; i < actual.Count; i++)
            {
                if (actual[i] == type)
                {
                    found = i;
                    break;
                }
            }

            Assert.True(found >= 0, $"event {type} missing after position {position} in: {string.Join(", ", actual)}");
            position = found + 1;
        }
    }
}
