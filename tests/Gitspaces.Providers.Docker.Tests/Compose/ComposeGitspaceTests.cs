using Gitspaces.Core.Errors;
using Gitspaces.Core.Ports;
using Gitspaces.Protocol;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests.Compose;

/// <summary>Compose gitspaces through up → ssh → stop → start → rebuild → delete, on the real engine with the real compose CLI.</summary>
[Collection(DockerTests.Name)]
public sealed class ComposeGitspaceTests(DockerEnvironment environment)
{
    [Fact]
    public async Task TheTemplatesAppAndDatabase_RunAsOneProject_ThroughEveryOperation()
    {
        var repo = environment.Repository("compose-app", Configs.Files(
            """
            {
              "dockerComposeFile": "docker-compose.yml",
              "service": "app",
              "workspaceFolder": "/workspaces/${localWorkspaceFolderBasename}",
              "forwardPorts": ["db:18300"],
              "containerEnv": { "FROM_CONFIG": "c$1 'q'" },
              "remoteEnv": { "FROM_REMOTE": "r" },
              "onCreateCommand": "echo oncreate >> /tmp/order",
              "postCreateCommand": "echo postcreate >> /tmp/order && pwd > where.txt && echo $FROM_REMOTE > remote.txt",
              "postStartCommand": "echo poststart >> /tmp/order",
            }
            """,
            [(".devcontainer/docker-compose.yml", ComposeConfigs.AppAndDatabase()), .. ComposeConfigs.EnvFiles]));
        using var sandbox = new Sandbox();
        var id = environment.Name("compose-app");
        var container = "gitspace-" + id;
        var project = "gitspace-" + id;

        var created = await sandbox.CreateAsync(id, repo);
        await sandbox.Provider.DrainAsync(id);

        Assert.Equal(GitspaceState.Running, created.State);
        Assert.Equal("/workspaces/compose-app", created.WorkspaceFolder);
        Assert.Equal("root", created.RemoteUser);
        Assert.Equal("a test repository", DockerCli.Docker("exec", container, "cat", "/workspaces/compose-app/README.md"));
        Assert.Equal("/workspaces/compose-app", DockerCli.Docker("exec", container, "cat", "/workspaces/compose-app/where.txt"));
        Assert.Equal("r", DockerCli.Docker("exec", container, "cat", "/workspaces/compose-app/remote.txt"));
        Assert.Equal("c$1 'q'", DockerCli.Docker("exec", container, "printenv", "FROM_CONFIG"));
        Assert.Equal("hello-dotenv", DockerCli.Docker("exec", container, "printenv", "FROM_DOTENV"));
        Assert.Equal("yes", DockerCli.Docker("exec", container, "printenv", "FROM_ENV_FILE"));
        Assert.Equal("oncreate\npostcreate\npoststart", DockerCli.Docker("exec", container, "cat", "/tmp/order"));

        // One project: both services labelled as the gitspace's, the workspace volume mounted, the app on the db's network.
        var services = DockerCli.Docker("ps", "--format", "{{.Label \"com.docker.compose.service\"}} {{.Label \"dev.gitspaces.id\"}}", "--filter", "label=com.docker.compose.project=" + project).Split('\n').Order().ToList();
        Assert.Equal([$"app {id}", $"db {id}"], services);
        var homes = DockerCli.Docker("ps", "--format", "{{.Label \"dev.gitspaces.home\"}}", "--filter", "label=com.docker.compose.project=" + project).Split('\n');
        Assert.Equal(2, homes.Length);
        Assert.Single(homes.Distinct());
        Assert.NotEmpty(homes[0]);
        Assert.Contains($"gitspace-{id}-workspace", DockerCli.Docker("inspect", "-f", "{{range .Mounts}}{{.Name}} {{end}}", container), StringComparison.Ordinal);
        Assert.StartsWith("container:", DockerCli.Docker("inspect", "-f", "{{.HostConfig.NetworkMode}}", container), StringComparison.Ordinal);
        Assert.Equal("db-up", DockerCli.Docker("exec", ServiceContainer(project, "db"), "cat", "/tmp/ready"));
        Assert.NotEmpty(DockerCli.Docker("network", "ls", "-q", "--filter", "label=com.docker.compose.project=" + project));
        Assert.Single(await sandbox.Provider.ListAsync(CancellationToken.None), g => g.Id == id);

        // Compose's output reached the gitspace's log, and its steps the events.
        var events = (await sandbox.Service.GetEventsAsync(id, CancellationToken.None)).Select(e => e.Type).ToList();
        Assert.Contains(EventTypes.ComposeUpStart, events);
        Assert.Contains(EventTypes.ComposeUpCompleted, events);
        Assert.Contains(sandbox.LogText(id), l => l.Contains("Creating", StringComparison.OrdinalIgnoreCase) || l.Contains("Created", StringComparison.OrdinalIgnoreCase));

        // "service:port" reaches the other service's own container through the engine, not the gitspace's.
        var settings = await sandbox.Provider.GetPortSettingsAsync(id, CancellationToken.None);
        Assert.Equal(new ConfiguredPort(18300, "db"), Assert.Single(settings.Forward));
        DockerCli.Docker("exec", "-d", ServiceContainer(project, "db"), "perl", "-MIO::Socket::IP", "-e", "$| = 1; $s = IO::Socket::IP->new(LocalHost => '127.0.0.1', LocalPort => 18300, Listen => 5, ReuseAddr => 1) or die; while ($c = $s->accept) { $c->autoflush(1); print $c `hostname`; close $c }");
        Assert.Equal(DockerCli.Docker("exec", ServiceContainer(project, "db"), "hostname"), await ReadFromPortAsync(sandbox.Provider, id, 18300, "db"));
        Assert.Equal(ErrorCodes.NotSupported, (await Assert.ThrowsAsync<GitspaceException>(() => sandbox.Provider.OpenPortChannelAsync(id, 18300, "cache", CancellationToken.None))).Code);

        // SSH: a real OpenSSH client logs in through sshd -i over docker exec in the service's container.
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
            "-o", $"ProxyCommand=docker exec -i {container} /usr/sbin/sshd -i -f /var/lib/gitspaces/ssh/sshd_config",
            "root@gitspace",
            "cat /workspaces/compose-app/README.md");
        Assert.True(ssh.ExitCode == 0, ssh.Output);
        Assert.Contains("a test repository", ssh.Output, StringComparison.Ordinal);
        var connect = await sandbox.Service.ConnectAsync(id, null, null, CancellationToken.None);
        Assert.Equal($"vscode-remote://ssh-remote+gitspace-{id}/workspaces/compose-app", connect.RemoteUri);

        // stopCompose: every service stops; start brings them back and runs postStart again.
        await sandbox.Service.StopAsync(id, null, CancellationToken.None);
        Assert.Equal(GitspaceState.Stopped, (await sandbox.Service.GetAsync(id, CancellationToken.None)).State);
        Assert.Empty(DockerCli.Docker("ps", "-q", "--filter", "label=com.docker.compose.project=" + project));
        var started = await sandbox.Service.StartAsync(id, null, CancellationToken.None);
        await sandbox.Provider.DrainAsync(id);
        Assert.Equal(GitspaceState.Running, started.State);
        Assert.Equal(2, DockerCli.Docker("ps", "-q", "--filter", "label=com.docker.compose.project=" + project).Split('\n').Length);
        Assert.Equal("oncreate\npostcreate\npoststart\npoststart", DockerCli.Docker("exec", container, "cat", "/tmp/order"));

        // Rebuild: new containers from the changed configuration; the workspace and the project's volumes stay.
        var firstContainer = DockerCli.Docker("inspect", "-f", "{{.Id}}", container);
        // The configuration is read from the user's folder as it is now; the workspace's copy, which the container can
        // write, does not count (docs/security.md).
        DockerCli.Docker("exec", container, "sh", "-c", "echo precious > /workspaces/compose-app/mine.txt && sed -i 's/hello-dotenv/container-dotenv/' /workspaces/compose-app/.devcontainer/.env");
        File.WriteAllText(Path.Combine(repo, ".devcontainer", ".env"), "GREETING=changed-dotenv\n");
        DockerCli.Docker("exec", ServiceContainer(project, "db"), "sh", "-c", "echo kept > /data/keep");
        var rebuilt = await sandbox.Service.RebuildAsync(id, null, CancellationToken.None);
        await sandbox.Provider.DrainAsync(id);
        Assert.Equal(GitspaceState.Running, rebuilt.State);
        Assert.NotEqual(firstContainer, DockerCli.Docker("inspect", "-f", "{{.Id}}", container));
        Assert.Equal("precious", DockerCli.Docker("exec", container, "cat", "/workspaces/compose-app/mine.txt"));
        Assert.Equal("changed-dotenv", DockerCli.Docker("exec", container, "printenv", "FROM_DOTENV"));
        Assert.Equal("kept", DockerCli.Docker("exec", ServiceContainer(project, "db"), "cat", "/data/keep"));
        Assert.Equal("oncreate\npostcreate\npoststart", DockerCli.Docker("exec", container, "cat", "/tmp/order"));

        // Delete: containers, networks, the project's volumes, the workspace and every file we wrote.
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
        Assert.Empty(DockerCli.Docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + project));
        Assert.Empty(DockerCli.Docker("network", "ls", "-q", "--filter", "label=com.docker.compose.project=" + project));
        Assert.Empty(DockerCli.Docker("volume", "ls", "-q", "--filter", "label=com.docker.compose.project=" + project));
        Assert.False(DockerCli.Exists("volume", $"gitspace-{id}-workspace"));
        Assert.False(Directory.Exists(Path.Combine(sandbox.Paths.DataDirectory, "docker", "compose", id)));
        Assert.False(Directory.Exists(Path.Combine(sandbox.Paths.DataDirectory, "docker", "clones", id)));
        Assert.DoesNotContain(await sandbox.Provider.ListAsync(CancellationToken.None), g => g.Id == id);
    }

    // The server inside may not be listening yet when the exec that starts it returns: a refused connection ends the
    // stream at once, so the read is tried again until it answers or the test's time is up.
    private static async Task<string> ReadFromPortAsync(DockerProvider provider, string id, int port, string service)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            await using var stream = await provider.OpenPortChannelAsync(id, port, service, patience.Token);
            using var reader = new StreamReader(stream);
            var text = (await reader.ReadToEndAsync(patience.Token)).Trim();
            if (text.Length > 0)
            {
                return text;
            }

            await Task.Delay(100, patience.Token);
        }
    }

    /// <summary>Finds a service's container by compose's labels (v1 and v2 name containers differently).</summary>
    internal static string ServiceContainer(string project, string service) =>
        DockerCli.Docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + project, "--filter", "label=com.docker.compose.service=" + service);
}
