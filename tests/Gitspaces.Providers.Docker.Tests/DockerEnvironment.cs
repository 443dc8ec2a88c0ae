using System.Net;
using System.Net.Sockets;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

/// <summary>
/// What every Docker test shares: a <see cref="DockerTestRun"/> (a running engine with the local base image, and a run
/// id that names and at the end removes everything the run created) and a folder of test repositories served by
/// <c>git daemon</c> on 127.0.0.1.
/// </summary>
public sealed class DockerEnvironment : IDisposable
{
    public const string BaseImage = DockerTestRun.BaseImage;
    private readonly DockerTestRun run = new();
    private readonly System.Diagnostics.Process gitDaemon;

    public DockerEnvironment()
    {
        this.RepositoriesRoot = TempDirectory.Create("docker-repos");
        this.GitPort = FreePort();
        var start = new System.Diagnostics.ProcessStartInfo("git") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "daemon", "--listen=127.0.0.1", $"--port={this.GitPort}", "--reuseaddr", "--export-all", $"--base-path={this.RepositoriesRoot}", this.RepositoriesRoot })
        {
            start.ArgumentList.Add(arg);
        }

        this.gitDaemon = System.Diagnostics.Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, this.GitPort);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>Gets the prefix of every gitspace name this run creates.</summary>
    public string RunId => this.run.RunId;

    public string RepositoriesRoot { get; }

    public int GitPort { get; }

    public string Name(string suffix) => this.run.Name(suffix);

    public string GitUrl(string repository) => $"git://127.0.0.1:{this.GitPort}/{repository}";

    /// <summary>Creates a repository with one commit per branch; the first branch is the default.</summary>
    public string Repository(string name, IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? otherBranches = null)
    {
        var folder = Path.Combine(this.RepositoriesRoot, name);
        Directory.CreateDirectory(folder);
        Git(folder, "init", "-q", "-b", "main");
        Commit(folder, files, "initial");
        foreach (var (branch, branchFiles) in otherBranches ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
        {
            Git(folder, "checkout", "-q", "-b", branch);
            Commit(folder, branchFiles, branch);
            Git(folder, "checkout", "-q", "main");
        }

        return folder;
    }

    public void Dispose()
    {
        try
        {
            this.gitDaemon.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }

        this.gitDaemon.Dispose();
        this.run.Dispose();
    }

    private static void Commit(string folder, IReadOnlyDictionary<string, string> files, string message)
    {
        foreach (var (path, content) in files)
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }

        Git(folder, "add", "-A");
        Git(folder, "-c", "user.email=tests@gitspaces.dev", "-c", "user.name=tests", "commit", "-q", "-m", message);
    }

    private static void Git(string folder, params string[] args)
    {
        var (code, output) = DockerCli.RunIn(folder, "git", args);
        Assert.True(code == 0, $"git {string.Join(' ', args)}: {output}");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
