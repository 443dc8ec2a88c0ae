namespace Gitspaces.TestSupport;

/// <summary>
/// The real programs that <c>npm run build</c> puts in <c>artifacts/bin</c>: <c>gitspaces</c>, and the NativeAOT
/// <c>gitspaces-ssh-proxy</c> that users' ProxyCommand runs when it was built.
/// </summary>
public static class RealSidecar
{
    /// <summary>Gets the path of <c>artifacts/bin/gitspaces</c> from the repository root.</summary>
    public static string Path { get; } = RepositoryRoot.Combine("artifacts", "bin", "gitspaces");

    /// <summary>Gets the path of <c>artifacts/bin/gitspaces-ssh-proxy</c> from the repository root.</summary>
    public static string NativeProxyPath { get; } = RepositoryRoot.Combine("artifacts", "bin", Gitspaces.Ssh.Hosting.SidecarExecutable.NativeProxyName + (OperatingSystem.IsWindows() ? ".exe" : string.Empty));

    /// <summary>Returns the sidecar's path after checking that it exists and carries <c>ssh-proxy</c>.</summary>
    public static Task<string> RequireAsync() => RequireProxyAsync(Path, "run `npm run build` at the repository root first");

    /// <summary>Returns the NativeAOT proxy's path after checking that it exists and answers as <c>gitspaces ssh-proxy</c> does.</summary>
    public static Task<string> RequireNativeProxyAsync() =>
        RequireProxyAsync(NativeProxyPath, "run `npm run build` at the repository root first, with gcc or clang installed (scripts/setup-test-machine.sh)");

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
