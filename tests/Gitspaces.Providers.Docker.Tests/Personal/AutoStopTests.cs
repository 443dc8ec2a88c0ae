using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests.Personal;

/// <summary>
/// Auto-stop enforced inside the container, with a timeout of seconds: an idle gitspace stops itself and the event is
/// recorded; one with an open SSH session and one running a background job started from SSH keep running; a stopped
/// one starts again with its watcher (issue #18). No timed assertion: the idle gitspace is made last, so when it has
/// stopped the others have been idle-if-miscounted for longer; every wait polls state with a generous deadline.
/// </summary>
[Collection(DockerTests.Name)]
public sealed class AutoStopTests(DockerEnvironment environment)
{
    private const int TimeoutSeconds = 6;

    [Fact]
    public async Task An_idle_gitspace_stops_itself_but_an_open_ssh_session_or_a_job_started_from_ssh_keeps_one_running()
    {
        var repo = environment.Repository("autostop", Configs.Files(Configs.Image()));
        using var sandbox = new Sandbox();
        var session = environment.Name("as-session");
        var job = environment.Name("as-job");
        var idle = environment.Name("as-idle");
        System.Diagnostics.Process? open = null;
        try
        {
            await CreateAsync(sandbox, session, repo);
            open = StartSsh(sandbox, session, "sleep 600");
            await CreateAsync(sandbox, job, repo);
            var detached = await RunSshAsync(sandbox, job, "nohup sleep 600 >/dev/null 2>&1 &");
            Assert.True(detached.ExitCode == 0, detached.Output);

            await CreateAsync(sandbox, idle, repo);
            Assert.Equal(TimeoutSeconds, (await sandbox.Service.GetAsync(idle, CancellationToken.None)).AutoStopSeconds);
            await sandbox.WaitForAsync(idle, g => g.State == GitspaceState.Stopped, TimeSpan.FromMinutes(3));

            Assert.Contains("gitspaces: auto-stop: idle for", DockerCli.Docker("logs", "gitspace-" + idle), StringComparison.Ordinal);
            Assert.Equal(GitspaceState.Running, (await sandbox.Service.GetAsync(session, CancellationToken.None)).State);
            Assert.Equal(GitspaceState.Running, (await sandbox.Service.GetAsync(job, CancellationToken.None)).State);
            Assert.Contains("in use (process", DockerCli.Docker("logs", "gitspace-" + job), StringComparison.Ordinal);

            // No sidecar watched it stop (this sandbox watches no engine events): a later start records the event, with
            // the watcher's reason, and brings it back, watcher and all; it stops itself again, recorded once per stop.
            var restarted = await sandbox.Service.StartAsync(idle, null, CancellationToken.None);
            Assert.Equal(GitspaceState.Running, restarted.State);
            var recorded = Assert.Single(await sandbox.Service.GetEventsAsync(idle, CancellationToken.None), e => e.Type == EventTypes.GitspaceActionAutoStop);
            Assert.Contains("no SSH session", recorded.Message, StringComparison.Ordinal);
            Assert.False(DockerCli.Run("docker", "exec", "gitspace-" + idle, "test", "-e", "/var/lib/gitspaces/auto-stop/stopped").ExitCode == 0, "the start clears the marker");
            await sandbox.WaitForAsync(idle, g => g.State == GitspaceState.Stopped, TimeSpan.FromMinutes(3));
            await sandbox.Service.StartAsync(idle, null, CancellationToken.None);
            Assert.Equal(2, (await sandbox.Service.GetEventsAsync(idle, CancellationToken.None)).Count(e => e.Type == EventTypes.GitspaceActionAutoStop));

            // A timeout of 0 (never) reaches the running watcher through its timeout file.
            await sandbox.Service.UpdateAsync(new UpdateGitspaceParams { Id = job, AutoStopSeconds = 0 }, null, CancellationToken.None);
            Assert.Equal("0", DockerCli.Docker("exec", "gitspace-" + job, "cat", "/var/lib/gitspaces/auto-stop/timeout"));
            Assert.Equal(0, (await sandbox.Service.GetAsync(job, CancellationToken.None)).AutoStopSeconds);
        }
        finally
        {
            open?.Kill(entireProcessTree: true);
            open?.Dispose();
            foreach (var id in new[] { session, job, idle })
            {
                try
                {
                    await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
                }
                catch (Gitspaces.Core.Errors.GitspaceException)
                {
                    // Not made; the run's fixture removes what is left.
                }
            }
        }
    }

    private static string[] SshArguments(Sandbox sandbox, string id, string command)
    {
        var identity = sandbox.Identities.GetOrCreate("docker", id);
        var knownHosts = Path.Combine(sandbox.Home, "known_hosts-" + id);
        File.WriteAllText(knownHosts, "gitspace " + identity.HostPublicKey + "\n");
        return
        [
            "-F", "/dev/null",
            "-i", identity.ClientPrivateKeyPath,
            "-o", "IdentitiesOnly=yes",
            "-o", "BatchMode=yes",
            "-o", "UserKnownHostsFile=" + knownHosts,
            "-o", "StrictHostKeyChecking=yes",
            "-o", "HostKeyAlias=gitspace",
            "-o", $"ProxyCommand=docker exec -i gitspace-{id} /usr/sbin/sshd -i -f /var/lib/gitspaces/ssh/sshd_config",
            "root@gitspace",
            command,
        ];
    }

    private static System.Diagnostics.Process StartSsh(Sandbox sandbox, string id, string command)
    {
        var start = new System.Diagnostics.ProcessStartInfo("ssh") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in SshArguments(sandbox, id, command))
        {
            start.ArgumentList.Add(argument);
        }

        return System.Diagnostics.Process.Start(start)!;
    }

    private static Task<(int ExitCode, string Output)> RunSshAsync(Sandbox sandbox, string id, string command) =>
        Task.Run(() => DockerCli.Run("ssh", SshArguments(sandbox, id, command)));

    private static async Task CreateAsync(Sandbox sandbox, string id, string repo)
    {
        var created = await sandbox.Service.CreateAsync(new CreateGitspaceParams { Name = id, Repository = new RepositorySource { Url = repo }, AutoStopSeconds = TimeoutSeconds }, null, CancellationToken.None);
        Assert.Equal(GitspaceState.Running, created.State);
        Assert.Equal(TimeoutSeconds, created.AutoStopSeconds);
    }
}
