using System.Diagnostics;
using Xunit;

namespace Gitspaces.TestSupport;

/// <summary>Runs the docker and git CLIs from tests (setup and checks only; the product never shells out to them).</summary>
public static class DockerCli
{
    public static (int ExitCode, string Output) Run(string program, params string[] args) => RunIn(null, program, args);

    public static (int ExitCode, string Output) RunIn(string? workingDirectory, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 2 minutes");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString().Trim());
        }
    }

    public static string Docker(params string[] args)
    {
        var (code, output) = Run("docker", args);
        Assert.True(code == 0, $"docker {string.Join(' ', args)} failed: {output}");
        return output;
    }

    public static bool Exists(string kind, string name) => Run("docker", kind, "inspect", name).ExitCode == 0;

    public static string[] ContainersWithLabel(string label) =>
        Docker("ps", "-a", "-q", "--filter", "label=" + label).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
