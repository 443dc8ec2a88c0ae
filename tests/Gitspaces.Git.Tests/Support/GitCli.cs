using System.Diagnostics;
using Gitspaces.TestSupport;

namespace Gitspaces.Git.Tests.Support;

/// <summary>The real <c>git</c>, to make the repositories the tests clone.</summary>
internal static class GitCli
{
    /// <summary>Makes a repository with one commit on <c>main</c> and one more on each extra branch.</summary>
    public static string CreateRepository(params string[] branches)
    {
        var folder = TempDirectory.Create("git-source");
        Run(folder, "init", "--quiet", "--initial-branch=main");
        File.WriteAllText(Path.Combine(folder, "README.md"), "first\n");
        Commit(folder, "First commit");
        File.AppendAllText(Path.Combine(folder, "README.md"), "second\n");
        Commit(folder, "Second commit");
        foreach (var branch in branches)
        {
            Run(folder, "checkout", "--quiet", "-b", branch, "main");
            File.WriteAllText(Path.Combine(folder, branch + ".txt"), branch + "\n");
            Commit(folder, "On " + branch);
        }

        Run(folder, "checkout", "--quiet", "main");
        return folder;
    }

    public static string Run(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(folder);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        // git says little here: reading one pipe after the other cannot fill the second.
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)} failed: {stderr}");
        return stdout.Trim();
    }

    private static void Commit(string folder, string message)
    {
        Run(folder, "add", "--all");
        Run(folder, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", message);
    }
}
