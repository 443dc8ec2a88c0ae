using System.Diagnostics;
using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Published;

/// <summary>
/// git credentials and the SSH agent inside a gitspace (docs/credentials.md), with the published program, a real git
/// server and real OpenSSH. The HTTP server (git http-backend behind <see cref="HttpGitServer"/>) listens on 127.0.0.1 of
/// this machine only and reaches the gitspace through an <c>ssh -R</c> of the test over the gitspace's own SSH entry; its
/// password is known to nobody but the user's credential helper, a script in the user's folder on this machine.
/// </summary>
[Collection(PublishedProgramTests.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CredentialsTests(DockerTestRun run)
{
    private const string NobodyAnswered = "no gitspaces sidecar on your machine is connected to this gitspace";

    [Fact]
    public async Task GitInsideAGitspaceLogsInWithAPasswordOnlyTheUsersHelperKnows_ThroughTheCliTheEditorAndLifecycleCommands_AndKeepsNoTraceOfIt()
    {
        await using var user = await PublishedUser.CreateAsync();
        var secret = "pw-" + Guid.NewGuid().ToString("N");
        var helper = Path.Combine(user.Root, "users-own-helper");
        await File.WriteAllTextAsync(helper, $"#!/bin/sh\n[ \"$1\" = get ] || exit 0\necho username=alice\necho password={secret}\n");
        File.SetUnixFileMode(helper, (UnixFileMode)0b111_000_000);
        await File.WriteAllTextAsync(Path.Combine(user.Home, ".gitconfig"), $"[user]\n\tname = Alice Example\n\temail = alice@example.com\n[credential]\n\thelper = {helper}\n");

        // A lifecycle command asks for a login and keeps only whether it got one.
        var repository = await TestRepository.CreateAsync(run.Name("creds-repo"), new Dictionary<string, string>
        {
            [".devcontainer/devcontainer.json"] = $$"""{ "image": "{{DockerTestRun.BaseImage}}", "postCreateCommand": "printf 'protocol=https\\nhost=example.com\\n\\n' | git credential fill | grep -c '^password=' > /tmp/lifecycle-logins" }""",
        });
        var served = Path.Combine(user.Root, "served", "pushed.git");
        await Run.CheckedAsync("git", "clone", "--quiet", "--bare", repository, served);

        // git http-backend takes pushes only from a REMOTE_USER, which the test's server does not set.
        await Run.CheckedAsync("git", "-C", served, "config", "http.receivepack", "true");
        using var server = new HttpGitServer(served, "alice:" + secret);
        var name = run.Name("creds");
        var alias = "gitspace-" + name;
        var container = "gitspace-" + name;

        PublishedUser.Succeeded(await user.UpAsync(repository, name));
        Assert.Equal("1", (await Run.CheckedAsync("docker", "exec", container, "cat", "/tmp/lifecycle-logins")).StandardOutput.Trim());

        // The CLI: `gitspaces ssh` forwards a credential socket for its own session; the commit carries the user's name.
        await using var tunnel = await Tunnel.OpenAsync(user, alias, new Uri(server.Url).Port);
        var push = await user.RunAsync(["ssh", name, "--", "sh", "-c", $"git commit --allow-empty -qm from-the-gitspace && GIT_TERMINAL_PROMPT=0 git push -q {server.Url} HEAD:refs/heads/from-cli"]);
        PublishedUser.Succeeded(push);
        Assert.Contains("alice:" + secret, server.Logins);
        Assert.Equal("Alice Example <alice@example.com>", (await Run.CheckedAsync("git", "-C", served, "log", "-1", "--format=%an <%ae>", "from-cli")).StandardOutput.Trim());

        // An editor: its sidecar keeps a channel once it connected, and a plain SSH session (its terminal) uses it.
        await using (var sidecar = user.Serve())
        {
            await sidecar.InitializeAsync();
            await sidecar.RequestAsync("gitspaces/connect", new System.Text.Json.Nodes.JsonObject { ["id"] = name });
            ProcessResult? listed = null;
            for (var attempt = 0; attempt < 60 && listed?.ExitCode != 0; attempt++)
            {
                // The channel opens beside the editor's own connection; the first tries may come before it.
                listed = await PlainSshAsync(user, alias, $"GIT_TERMINAL_PROMPT=0 git ls-remote {server.Url} refs/heads/from-cli");
                if (listed.ExitCode != 0)
                {
                    await Task.Delay(500);
                }
            }

            Assert.True(listed!.ExitCode == 0, listed.ToString());
            Assert.Contains("refs/heads/from-cli", listed.StandardOutput, StringComparison.Ordinal);
        }

        // No sidecar left: git is told so at once instead of waiting.
        var alone = await PlainSshAsync(user, alias, $"GIT_TERMINAL_PROMPT=0 git ls-remote {server.Url}");
        Assert.NotEqual(0, alone.ExitCode);
        Assert.Contains(NobodyAnswered, alone.StandardError, StringComparison.Ordinal);

        // The password is nowhere in the gitspace, its container's description, or our state (logs, history, settings).
        var files = await Run.ProgramAsync("docker", ["exec", "-u", "root", container, "grep", "-rlsF", "--exclude-dir=proc", "--exclude-dir=sys", "--exclude-dir=dev", secret, "/"]);
        Assert.Equal(string.Empty, files.StandardOutput);
        Assert.DoesNotContain(secret, (await Run.CheckedAsync("docker", "exec", container, "env")).StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, (await Run.CheckedAsync("docker", "inspect", container)).StandardOutput, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(user.GitspacesHome, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(secret, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(secret, (await user.RunAsync(["logs", name])).StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, (await user.RunAsync(["events", name])).StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGitAtRemoteIsClonedWithTheUsersForwardedAgent_AndWithoutAnAgentTheUserIsToldWhy()
    {
        await using var user = await PublishedUser.CreateAsync();
        var repository = await TestRepository.CreatePlainAsync(run.Name("agent-repo"));
        var serverName = run.Name("agent-git");
        var network = run.Name("creds-net");
        await using var server = await SshGitServer.StartAsync(serverName, repository);
        var agentFolder = Directory.CreateDirectory(Path.Combine(user.Root, "agent")).FullName;
        var agentSocket = Path.Combine(agentFolder, "agent.sock");
        using var agent = Process.Start(Run.StartInfo("ssh-agent", ["-D", "-a", agentSocket]))!;
        try
        {
            for (var attempt = 0; attempt < 100 && !File.Exists(agentSocket); attempt++)
            {
                await Task.Delay(50);
            }

            await Run.CheckedAsync("docker", "network", "create", network);
            await Run.CheckedAsync("docker", "network", "connect", "--alias", "gitserver", network, serverName);
            var added = await Run.ProgramAsync("ssh-add", [server.KeyFile], environment: new Dictionary<string, string> { ["SSH_AUTH_SOCK"] = agentSocket });
            Assert.True(added.ExitCode == 0, added.ToString());

            var name = run.Name("agent");
            PublishedUser.Succeeded(await user.UpAsync(repository, name));
            await Run.CheckedAsync("docker", "network", "connect", network, "gitspace-" + name);

            user.Environment["SSH_AUTH_SOCK"] = agentSocket;
            var clone = await user.RunAsync(["ssh", name, "--", "sh", "-c", $"GIT_SSH_COMMAND='ssh -o StrictHostKeyChecking=accept-new -o BatchMode=yes' git clone -q root@gitserver:/srv/git/{Path.GetFileName(repository)}.git /tmp/agent-clone && git -C /tmp/agent-clone log --format=%s"]);
            PublishedUser.Succeeded(clone);
            Assert.Contains("A repository for the published program's tests", clone.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("No SSH agent", clone.StandardError, StringComparison.Ordinal);

            user.Environment["SSH_AUTH_SOCK"] = string.Empty;
            var without = await user.RunAsync(["ssh", name, "--", "true"]);
            Assert.Equal(0, without.ExitCode);
            Assert.Contains("gitspaces: No SSH agent is running on this machine (SSH_AUTH_SOCK is not set)", without.StandardError, StringComparison.Ordinal);

            user.Environment["SSH_AUTH_SOCK"] = Path.Combine(agentFolder, "nobody.sock");
            var dead = await user.RunAsync(["ssh", name, "--", "true"]);
            Assert.Contains("is not running (SSH_AUTH_SOCK names a socket nobody answers on)", dead.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            agent.Kill();
            await Run.ProgramAsync("docker", ["network", "disconnect", "-f", network, serverName]);
            await Run.ProgramAsync("docker", ["network", "disconnect", "-f", network, "gitspace-" + run.Name("agent")]);
            await Run.ProgramAsync("docker", ["network", "rm", network]);
        }
    }

    private static Task<ProcessResult> PlainSshAsync(PublishedUser user, string alias, string command) =>
        Run.ProgramAsync("ssh", ["-F", Path.Combine(user.Home, ".ssh", "config"), "-o", "BatchMode=yes", "--", alias, command], environment: user.Environment, timeout: TimeSpan.FromMinutes(2));

    /// <summary>The test's own <c>ssh -R</c>: 127.0.0.1:port inside the gitspace reaches the same port on this machine.</summary>
    private sealed class Tunnel : IAsyncDisposable
    {
        private readonly Process ssh;

        private Tunnel(Process ssh) => this.ssh = ssh;

        public static async Task<Tunnel> OpenAsync(PublishedUser user, string alias, int port)
        {
            var forward = $"127.0.0.1:{port}:127.0.0.1:{port}";
            var ssh = Process.Start(Run.StartInfo("ssh", ["-F", Path.Combine(user.Home, ".ssh", "config"), "-T", "-o", "BatchMode=yes", "-o", "ExitOnForwardFailure=yes", "-R", forward, "--", alias, "echo ready; exec cat >/dev/null"], user.Environment))!;
            var line = await ssh.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            if (line != "ready")
            {
                ssh.Kill();
                throw new InvalidOperationException("The test's tunnel did not open: " + await ssh.StandardError.ReadToEndAsync());
            }

            return new Tunnel(ssh);
        }

        public async ValueTask DisposeAsync()
        {
            this.ssh.StandardInput.Close();
            await this.ssh.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            this.ssh.Dispose();
        }
    }
}
