namespace Gitspaces.TestSupport;

/// <summary>What a finished child process left.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {this.ExitCode}\nstdout: {this.StandardOutput}\nstderr: {this.StandardError}";
}
