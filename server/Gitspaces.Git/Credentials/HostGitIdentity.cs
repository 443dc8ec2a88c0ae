namespace Gitspaces.Git.Credentials;

/// <summary>The user's <c>user.name</c> and <c>user.email</c> from their global git configuration, for a gitspace's git.</summary>
/// <param name="Name">The name, or <see langword="null"/> when unset.</param>
/// <param name="Email">The email, or <see langword="null"/> when unset.</param>
public sealed record HostGitIdentity(string? Name, string? Email)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Reads them with <c>git config --global --get</c> (no repository's configuration: the sidecar runs anywhere).</summary>
    /// <param name="environment">Variables for git on top of the process's.</param>
    /// <param name="cancellationToken">Kills git.</param>
    /// <returns>The identity; both <see langword="null"/> when git is missing or has neither.</returns>
    public static async Task<HostGitIdentity> ReadAsync(IReadOnlyDictionary<string, string?>? environment, CancellationToken cancellationToken)
    {
        // Both at once: a git process is ~15 ms of every start and connect.
        var name = GitProcess.RunAsync(["config", "--global", "--get", "user.name"], null, environment, Patience, cancellationToken);
        var email = GitProcess.RunAsync(["config", "--global", "--get", "user.email"], null, environment, Patience, cancellationToken);
        return new HostGitIdentity(Value(await name), Value(await email));
    }

    private static string? Value(GitProcessResult result) =>
        result.ExitCode == 0 && result.StandardOutput.Trim() is { Length: > 0 } value && CredentialLines.IsValue(value) ? value : null;
}
