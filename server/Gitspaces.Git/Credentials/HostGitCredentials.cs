namespace Gitspaces.Git.Credentials;

/// <summary>
/// The user's own git credential helpers on this machine, asked through <c>git credential fill|approve|reject</c> (no
/// shell, the attributes and any password on stdin only) for a gitspace's git. Each answer says in one line why it
/// has no login: no helper configured, a helper that had none, failed or hung, or no git on this machine.
/// </summary>
public sealed class HostGitCredentials
{
    /// <summary>How long a helper may take; one that shows a window (a sign-in page) needs the user's time.</summary>
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(90);

    // What the container's git may pass on: the URL's parts, a user name, and what newer gits add (capability[],
    // wwwauth[], …); never our own lines. A password is passed only to approve and reject.
    private static readonly HashSet<string> Secrets = new(StringComparer.Ordinal) { "password", "oauth_refresh_token", "credential" };

    private readonly IReadOnlyDictionary<string, string?>? environment;
    private readonly TimeSpan patience;

    /// <summary>Initializes a new instance of the <see cref="HostGitCredentials"/> class.</summary>
    /// <param name="environment">Variables for git on top of the process's (tests point <c>GIT_CONFIG_GLOBAL</c> at their own helper).</param>
    /// <param name="patience">How long one helper run may take; <see cref="DefaultPatience"/> when null.</param>
    public HostGitCredentials(IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? patience = null)
    {
        this.environment = environment;
        this.patience = patience ?? DefaultPatience;
    }

    /// <summary>Answers a git request (fill, approve or reject).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Kills git.</param>
    /// <returns>The answer.</returns>
    public async Task<CredentialAnswer> AnswerAsync(CredentialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var where = Describe(request);
        var helpers = await GitProcess.RunAsync(["config", "--get-regexp", @"^credential\..*helper$"], null, this.environment, this.patience, cancellationToken);
        if (helpers.IsMissing)
        {
            return CredentialAnswer.Failed($"git is not installed on {Environment.MachineName}, so no credential helper there can give a login for {where}.");
        }

        // An empty helper value only resets the list: it is no helper.
        var configured = helpers.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Any(line => line.Split(' ', 2) is [_, { Length: > 0 }]);
        if (request.Action is not CredentialAction.Fill)
        {
            return configured ? await this.ReportAsync(request, cancellationToken) : CredentialAnswer.Done();
        }

        if (!configured)
        {
            return CredentialAnswer.Failed($"No git credential helper is set up on {Environment.MachineName} to give a login for {where}. Set one there (for example `git config --global credential.helper store`, or your platform's: manager, osxkeychain, libsecret) and sign in once; see docs/credentials.md.");
        }

        var input = CredentialLines.Format(request.Attributes.Where(a => !Secrets.Contains(a.Key))) + "\n";
        var fill = await GitProcess.RunAsync(["credential", "fill"], input, this.environment, this.patience, cancellationToken);
        if (fill.TimedOut)
        {
            return CredentialAnswer.Failed($"The git credential helper on {Environment.MachineName} did not answer within {this.patience.TotalSeconds:0} s for {where}.");
        }

        var pairs = fill.ExitCode == 0 ? CredentialLines.Parse(fill.StandardOutput) : null;
        if (pairs is not null && pairs.Any(p => p.Key == "password") && pairs.Any(p => p.Key == "username"))
        {
            return new CredentialAnswer(CredentialAnswerStatus.Ok, null, pairs);
        }

        var said = HelperSaid(fill.StandardError);
        return new CredentialAnswer(
            CredentialAnswerStatus.None,
            $"The git credential helper on {Environment.MachineName} has no login for {where}" + (said is null ? "." : $" (it said: {said})."),
            []);
    }

    private static string Describe(CredentialRequest request) =>
        $"{request["protocol"] ?? "https"}://{request["host"] ?? "?"}" + (request["path"] is { Length: > 0 } path ? "/" + path : string.Empty);

    /// <summary>Returns what a helper printed on stderr, without git's own "could not read Username" line.</summary>
    private static string? HelperSaid(string standardError)
    {
        var line = standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => !l.StartsWith("fatal: could not read", StringComparison.Ordinal));
        return line is null ? null : line.Length > 200 ? line[..200] + "…" : line;
    }

    private async Task<CredentialAnswer> ReportAsync(CredentialRequest request, CancellationToken cancellationToken)
    {
        var verb = request.Action == CredentialAction.Approve ? "approve" : "reject";
        var result = await GitProcess.RunAsync(["credential", verb], CredentialLines.Format(request.Attributes) + "\n", this.environment, this.patience, cancellationToken);
        return result.ExitCode == 0
            ? CredentialAnswer.Done()
            : CredentialAnswer.Failed($"`git credential {verb}` failed on {Environment.MachineName} ({result}) for {Describe(request)}" + (HelperSaid(result.StandardError) is { } said ? $": {said}" : "."));
    }
}
