using Gitspaces.TestSupport;

namespace Gitspaces.Git.Tests.Support;

/// <summary>
/// Points the git this process starts at a global configuration of the test's own (no system configuration), for
/// the tests in <see cref="SharedGitConfiguration"/>; the variables are the process's, so those tests run alone.
/// </summary>
internal sealed class GitConfigScope : IDisposable
{
    private static readonly string[] Variables = ["GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM"];
    private readonly Dictionary<string, string?> previous = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);

    public GitConfigScope(string configuration)
    {
        this.Folder = TempDirectory.Create("git-config");
        var file = Path.Combine(this.Folder, "gitconfig");
        File.WriteAllText(file, configuration);
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", file);
        Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
    }

    public string Folder { get; }

    /// <summary>Writes an executable credential helper that answers <c>get</c> with a login and keeps what it was asked.</summary>
    /// <returns>The configuration that uses it (with the URL path in the request); the request lands in <c>asked.txt</c> next to it.</returns>
    public static GitConfigScope WithHelper(string user, string password)
    {
        var folder = TempDirectory.Create("git-helper");
        var helper = Path.Combine(folder, "helper");
        File.WriteAllText(helper, $"#!/bin/sh\n[ \"$1\" = get ] || exit 0\ncat > '{folder}/asked.txt'\necho username={user}\necho password={password}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return new GitConfigScope($"[credential]\n\thelper = {helper}\n\tuseHttpPath = true\n") { HelperFolder = folder };
    }

    /// <summary>Gets the helper's folder, when there is a helper.</summary>
    public string? HelperFolder { get; private init; }

    /// <summary>Gets what git asked the helper (empty until it asked).</summary>
    public string Asked => this.HelperFolder is { } folder && File.Exists(Path.Combine(folder, "asked.txt")) ? File.ReadAllText(Path.Combine(folder, "asked.txt")) : string.Empty;

    public void Dispose()
    {
        foreach (var (name, value) in this.previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
