namespace Gitspaces.Ssh.Tests.Support;

/// <summary>What a finished child process left.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {this.ExitCode}\nstdout: {this.StandardOutput}\nstderr: {this.StandardError}";
}
