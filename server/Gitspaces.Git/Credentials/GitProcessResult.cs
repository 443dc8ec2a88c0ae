namespace Gitspaces.Git.Credentials;

/// <summary>How a git process ended.</summary>
/// <param name="ExitCode">Its exit code (-1 when it was killed or never ran).</param>
/// <param name="StandardOutput">What it printed; may hold a secret, so never logged.</param>
/// <param name="StandardError">What it printed on stderr.</param>
/// <param name="TimedOut">Whether it was killed for taking too long.</param>
internal sealed record GitProcessResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut)
{
    /// <summary>Gets the result when git is not installed.</summary>
    public static GitProcessResult Missing { get; } = new(-1, string.Empty, "git is not installed", TimedOut: false);

    /// <summary>Gets whether git could not be started at all.</summary>
    public bool IsMissing => ReferenceEquals(this, Missing);

    /// <summary>Returns the result without its output (which may hold a secret).</summary>
    /// <returns>The exit code.</returns>
    public override string ToString() => this.TimedOut ? "timed out" : $"exit code {this.ExitCode}";
}
