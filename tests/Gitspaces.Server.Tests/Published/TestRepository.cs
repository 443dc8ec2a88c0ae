using Gitspaces.TestSupport;

namespace Gitspaces.Server.Tests.Published;

/// <summary>A git repository made with the real git CLI: the given files, committed on <c>main</c>.</summary>
internal static class TestRepository
{
    /// <summary>A configuration that starts from the local base image and runs nothing.</summary>
    public const string PlainImageConfig = $$"""{ "image": "{{DockerTestRun.BaseImage}}" }""";

    /// <summary>Makes the repository.</summary>
    /// <param name="name">Its folder's name (the last part of its URLs).</param>
    /// <param name="files">Relative path (with <c>/</c>) and content of each file; a path ending in <c>.sh</c> is made executable.</param>
    /// <returns>Its folder.</returns>
    public static async Task<string> CreateAsync(string name, IReadOnlyDictionary<string, string> files)
    {
        var folder = Path.Combine(TempDirectory.Create("published-repos"), name);
        Directory.CreateDirectory(folder);
        foreach (var (path, content) in files)
        {
            var file = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, content);
            if (path.EndsWith(".sh", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, File.GetUnixFileMode(file) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        await Run.CheckedAsync("git", "-C", folder, "init", "--quiet", "--initial-branch=main");
        await Run.CheckedAsync("git", "-C", folder, "add", "--all");
        await Run.CheckedAsync("git", "-C", folder, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "A repository for the published program's tests");
        return folder;
    }

    /// <summary>Makes a repository whose devcontainer.json starts from the local base image.</summary>
    /// <param name="name">Its folder's name.</param>
    /// <returns>Its folder.</returns>
    public static Task<string> CreatePlainAsync(string name) =>
        CreateAsync(name, new Dictionary<string, string> { [".devcontainer/devcontainer.json"] = PlainImageConfig, ["README.md"] = $"# {name}\n" });

    /// <summary>Returns the commit <c>main</c> points at.</summary>
    /// <param name="folder">The repository.</param>
    /// <returns>The full hash.</returns>
    public static async Task<string> HeadAsync(string folder) =>
        (await Run.CheckedAsync("git", "-C", folder, "rev-parse", "HEAD")).StandardOutput.Trim();
}
