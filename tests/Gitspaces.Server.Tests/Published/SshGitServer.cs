using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Published;

/// <summary>
/// A git server over SSH as a forge runs one: OpenSSH's sshd (from the base image, in a container of the test,
/// published on 127.0.0.1 only) letting one key in, with bare repositories under <c>/srv/git</c>. The client side is
/// the user's: a key and a known_hosts file of their own, handed to git as <c>GIT_SSH_COMMAND</c>.
/// </summary>
internal sealed class SshGitServer : IAsyncDisposable
{
    private readonly string container;

    private SshGitServer(string container, int port, string folder)
    {
        this.container = container;
        this.Port = port;
        this.Folder = folder;
    }

    /// <summary>Gets the port on 127.0.0.1 that sshd answers on.</summary>
    public int Port { get; }

    /// <summary>Gets the folder with the client's key and known_hosts.</summary>
    public string Folder { get; }

    /// <summary>Gets the client's private key.</summary>
    public string KeyFile => Path.Combine(this.Folder, "id_ed25519");

    /// <summary>Gets a known_hosts file with this server's host key.</summary>
    public string KnownHostsFile => Path.Combine(this.Folder, "known_hosts");

    /// <summary>Gets the command git (and libgit2) should reach the server with: this key, this known_hosts, never a prompt.</summary>
    public string SshCommand => $"ssh -i {this.KeyFile} -o IdentitiesOnly=yes -o UserKnownHostsFile={this.KnownHostsFile} -o StrictHostKeyChecking=yes -o BatchMode=yes";

    /// <summary>Starts the server with a bare copy of each repository.</summary>
    /// <param name="name">The container's name (unique to the run).</param>
    /// <param name="repositories">The repositories to serve, each as <c>/srv/git/&lt;folder name&gt;.git</c>.</param>
    /// <returns>The running server.</returns>
    public static async Task<SshGitServer> StartAsync(string name, params string[] repositories)
    {
        var folder = TempDirectory.Create("ssh-git");
        await Run.CheckedAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-C", "gitspaces-tests", "-f", Path.Combine(folder, "id_ed25519"));
        var served = Directory.CreateDirectory(Path.Combine(folder, "srv", "git")).FullName;
        foreach (var repository in repositories)
        {
            await Run.CheckedAsync("git", "clone", "--quiet", "--bare", repository, Path.Combine(served, Path.GetFileName(repository) + ".git"));
        }

        File.Copy(Path.Combine(folder, "id_ed25519.pub"), Path.Combine(folder, "srv", "authorized_keys"));
        await Run.CheckedAsync(
            "docker",
            "create", "--name", name, "-p", "127.0.0.1::22", DockerTestRun.BaseImage,
            "sh", "-c", "mkdir -p /run/sshd && ssh-keygen -A -q && exec /usr/sbin/sshd -D -e -o StrictModes=no -o AuthorizedKeysFile=/srv/authorized_keys -o PermitRootLogin=prohibit-password -o PasswordAuthentication=no -o UsePAM=no");
        var server = new SshGitServer(name, 0, folder);
        try
        {
            await Run.CheckedAsync("docker", "cp", Path.Combine(folder, "srv") + "/.", name + ":/srv");
            await Run.CheckedAsync("docker", "start", name);
            var mapped = (await Run.CheckedAsync("docker", "port", name, "22/tcp")).StandardOutput.Trim();
            var port = int.Parse(mapped[(mapped.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            var hostKey = await WaitForHostKeyAsync(name);
            await File.WriteAllTextAsync(Path.Combine(folder, "known_hosts"), $"[127.0.0.1]:{port} {hostKey}\n");
            server = new SshGitServer(name, port, folder);
            await server.WaitUntilItAnswersAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Returns the ssh URL of a served repository.</summary>
    /// <param name="repository">The repository's folder name.</param>
    /// <returns>The URL.</returns>
    public string UrlOf(string repository) => $"ssh://root@127.0.0.1:{this.Port}/srv/git/{repository}.git";

    public async ValueTask DisposeAsync()
    {
        await Run.ProgramAsync("docker", ["rm", "-f", this.container]);
        Directory.Delete(this.Folder, recursive: true);
    }

    private static async Task<string> WaitForHostKeyAsync(string name)
    {
        // sshd starts after ssh-keygen -A has written the host keys; the key file appears first.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var key = await Run.ProgramAsync("docker", ["exec", name, "cat", "/etc/ssh/ssh_host_ed25519_key.pub"]);
            if (key.ExitCode == 0 && key.StandardOutput.StartsWith("ssh-ed25519 ", StringComparison.Ordinal))
            {
                var parts = key.StandardOutput.Trim().Split(' ');
                return $"{parts[0]} {parts[1]}";
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("sshd's host key did not appear in the container.");
    }

    private async Task WaitUntilItAnswersAsync()
    {
        // The real git over the same command proves the server before the product is asked to use it.
        ProcessResult? last = null;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            last = await Run.ProgramAsync("ssh", ["-i", this.KeyFile, "-o", "IdentitiesOnly=yes", "-o", $"UserKnownHostsFile={this.KnownHostsFile}", "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-p", this.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "root@127.0.0.1", "true"]);
            if (last.ExitCode == 0)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("sshd in the test container does not let the test's key in: " + last);
    }
}
