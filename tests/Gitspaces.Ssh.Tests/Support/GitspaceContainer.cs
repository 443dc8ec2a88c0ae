using System.Text;
using Gitspaces.Core.Ssh;

namespace Gitspaces.Ssh.Tests.Support;

/// <summary>
/// A container from the local base image, set up the minimal way a provider does: a remote user whose login is not
/// locked, a git repository in the workspace folder, and our sshd config, host key and authorized key.
/// </summary>
internal sealed class GitspaceContainer : IAsyncDisposable
{
    public const string Image = "gitspaces-base:bookworm";
    public const string Label = "gitspaces.ssh-tests";
    public const string User = "dev";
    public const string WorkspaceFolder = "/workspaces/demo repo";

    private GitspaceContainer(string name)
    {
        this.Name = name;
    }

    public string Name { get; }

    public static async Task<GitspaceContainer> StartAsync()
    {
        var container = new GitspaceContainer("gs-ssh-" + Guid.NewGuid().ToString("N")[..10]);
        await Run.CheckedAsync("docker", "run", "-d", "--label", Label + "=1", "--name", container.Name, Image, "sleep", "infinity");
        await container.ExecAsync(
            """
            set -e
            useradd -m -s /bin/bash dev
            # sshd without PAM refuses locked accounts ('!'); '*' means no password, not locked.
            usermod -p '*' dev
            mkdir -p /run/sshd /etc/gitspaces/ssh "/workspaces/demo repo"
            chown dev:dev "/workspaces/demo repo"
            """);
        await Run.CheckedAsync(
            "docker", "exec", "-u", User, "-w", WorkspaceFolder, container.Name, "sh", "-c",
            "git init -q && git config user.email dev@example.com && git config user.name dev && echo hello > README && git add README && git commit -qm init");
        return container;
    }

    /// <summary>Installs the gitspace's keys and sshd config, as the provider does at create.</summary>
    public async Task InstallAsync(SshIdentity identity)
    {
        await this.WriteFileAsync(SshServerConfig.DefaultHostKeyPath, identity.HostPrivateKeyPem, "600");
        await this.WriteFileAsync(SshServerConfig.DefaultAuthorizedKeysPath, identity.ClientPublicKey + "\n", "644");
        await this.WriteFileAsync(SshServerConfig.DefaultConfigPath, SshServerConfig.Render(SshServerConfig.DefaultHostKeyPath, SshServerConfig.DefaultAuthorizedKeysPath, User), "644");
    }

    /// <summary>Writes a file through stdin, so key material never appears in an argument list.</summary>
    public async Task WriteFileAsync(string path, string contents, string mode)
    {
        var result = await Run.ProgramAsync("docker", ["exec", "-i", this.Name, "sh", "-c", $"umask 077 && cat > '{path}' && chmod {mode} '{path}'"], contents);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"writing {path} failed: {result}");
        }
    }

    public async Task<ProcessResult> ExecAsync(string script)
    {
        var result = await Run.ProgramAsync("docker", ["exec", "-i", this.Name, "sh", "-s"], script);
        return result.ExitCode == 0 ? result : throw new InvalidOperationException($"script failed: {result}");
    }

    /// <summary>Lists the TCP sockets in LISTEN state in the container's network namespace.</summary>
    public async Task<IReadOnlyList<string>> ListeningSocketsAsync()
    {
        var result = await this.ExecAsync("cat /proc/net/tcp /proc/net/tcp6 2>/dev/null || true");
        return result.StandardOutput.Split('\n')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 3 && fields[3] == "0A")
            .Select(fields => string.Join(' ', fields.Take(4)))
            .ToList();
    }

    public Task StopAsync() => Run.CheckedAsync("docker", "stop", "-t", "1", this.Name);

    public Task StartAgainAsync() => Run.CheckedAsync("docker", "start", this.Name);

    public async ValueTask DisposeAsync()
    {
        await Run.ProgramAsync("docker", ["rm", "-f", "-v", this.Name]);
    }

    public override string ToString() => new StringBuilder("container ").Append(this.Name).ToString();
}
