using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

/// <summary>SSH sessions get the environment lifecycle commands get: image ENV and PATH, containerEnv, remoteEnv (issue #13).</summary>
[Collection(DockerTests.Name)]
public sealed class SessionEnvironmentTests(DockerEnvironment environment)
{
    [Fact]
    public async Task AnSshSessionHasTheImagesPathContainerEnvAndRemoteEnv()
    {
        var repo = environment.Repository("sessionenv", Configs.Files(
            """
            {
              "build": { "dockerfile": "Dockerfile" },
              "containerEnv": { "FROM_CONTAINER": "c value" },
              "remoteEnv": { "FROM_REMOTE": "${containerEnv:FROM_CONTAINER}-r" },
            }
            """,
            (".devcontainer/Dockerfile", $"FROM {DockerEnvironment.BaseImage}\nENV PATH=/opt/tool/bin:$PATH FROM_IMAGE=i\n")));
        using var sandbox = new Sandbox();
        var id = environment.Name("sessionenv");
        await sandbox.CreateAsync(id, repo);
        var connection = await sandbox.Service.ConnectAsync(id, null, null, CancellationToken.None);

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
            "printf '%s|%s|%s|%s|%s' \"$PATH\" \"$FROM_IMAGE\" \"$FROM_CONTAINER\" \"$FROM_REMOTE\" \"$HOME\"");

        Assert.True(ssh.ExitCode == 0, ssh.Output);
        var values = ssh.Output.Trim().Split('|');
        Assert.StartsWith("/opt/tool/bin:", values[0], StringComparison.Ordinal);
        Assert.Equal(["i", "c value", "c value-r", "/root"], values[1..]);
        Assert.NotNull(connection.SshHost);
        await sandbox.Service.DeleteAsync(id, null, CancellationToken.None);
    }
}
