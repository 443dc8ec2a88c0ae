namespace Gitspaces.Ssh.Tests.Support;

/// <summary>The real <c>gitspaces</c> that <c>npm run build</c> puts in <c>artifacts/bin</c>, which users run as the ProxyCommand.</summary>
internal static class RealSidecar
{
    /// <summary>Gets the path of <c>artifacts/bin/gitspaces</c> from the repository root.</summary>
    public static string Path { get; } = System.IO.Path.Combine(RepositoryRoot(), "artifacts", "bin", "gitspaces");

    /// <summary>Returns the path after checking that it exists and carries <c>ssh-proxy</c>.</summary>
    public static async Task<string> RequireAsync()
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"{Path} is missing: run `npm run build` at the repository root first.");
        }

        // A provider without an SSH channel is refused with the proxy's own prefix and exit code 2.
        var probe = await Run.ProgramAsync(Path, ["ssh-proxy", "--provider", "no-such-provider", "x"]);
        if (probe.ExitCode != 2 || !probe.StandardError.Contains("gitspaces ssh-proxy:", StringComparison.Ordinal) || probe.StandardOutput.Length != 0)
        {
            throw new InvalidOperationException($"{Path} does not carry `ssh-proxy` as expected: {probe}");
        }

        return Path;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Directory.Build.props")) && Directory.Exists(System.IO.Path.Combine(directory.FullName, "server")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
