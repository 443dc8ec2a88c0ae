namespace Gitspaces.TestSupport;

/// <summary>
/// The real program that <c>npm run build</c> puts in <c>artifacts/bin</c>: <c>gitspaces</c>, published with Native AOT as
/// users get it; it is also every gitspace's SSH ProxyCommand (<c>gitspaces ssh-proxy</c>).
/// </summary>
public static class RealSidecar
{
    /// <summary>Gets the path of <c>artifacts/bin/gitspaces</c> from the repository root.</summary>
    public static string Path { get; } = RepositoryRoot.Combine("artifacts", "bin", OperatingSystem.IsWindows() ? "gitspaces.exe" : "gitspaces");

    /// <summary>Returns the sidecar's path after checking that it exists and carries <c>ssh-proxy</c>.</summary>
    public static Task<string> RequireAsync() => RequireProxyAsync(Path, "run `npm run build` at the repository root first");

    private static async Task<string> RequireProxyAsync(string path, string hint)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: {hint}.");
        }

        // A provider without an SSH channel is refused with the proxy's own prefix and exit code 2.
        var probe = await Run.ProgramAsync(path, ["ssh-proxy", "--provider", "no-such-provider", "x"]);
        if (probe.ExitCode != 2 || !probe.StandardError.Contains("gitspaces ssh-proxy:", StringComparison.Ordinal) || probe.StandardOutput.Length != 0)
        {
            throw new InvalidOperationException($"{path} does not carry `ssh-proxy` as expected: {probe}");
        }

        return path;
    }
}
