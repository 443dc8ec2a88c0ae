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
    private readonly GitDaemon gitDaemon;

    public DockerEnvironment()
    {
        this.RepositoriesRoot = TempDirectory.Create("docker-repos");
        this.gitDaemon = new GitDaemon(this.RepositoriesRoot);
    }

    /// <summary>Gets the prefix of every gitspace name this run creates.</summary>
    public string RunId => this.run.RunId;

    public string RepositoriesRoot { get; }

    public int GitPort => this.gitDaemon.Port;

    public string Name(string suffix) => this.run.Name(suffix);

    public string GitUrl(string repository) => this.gitDaemon.UrlOf(repository);

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
}
