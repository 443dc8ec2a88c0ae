namespace Gitspaces.Compose;

/// <summary>How a compose command ended.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="StandardOutput">Everything it wrote to standard output.</param>
/// <param name="Tail">Its last lines, both streams in the order they came.</param>
public sealed record ComposeResult(int ExitCode, string StandardOutput, IReadOnlyList<string> Tail)
{
    /// <summary>Gets the most telling line of a failure: the first that starts with <c>error</c> (v1's <c>ERROR: …</c>), else the last that names an error, else the last line.</summary>
    public string Reason =>
        (this.Tail.FirstOrDefault(l => l.TrimStart().StartsWith("error", StringComparison.OrdinalIgnoreCase))
        ?? this.Tail.LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.Contains("invalid", StringComparison.OrdinalIgnoreCase))
        ?? this.Tail.LastOrDefault(l => l.Trim().Length > 0)
        ?? $"exit code {this.ExitCode}").Trim();
}
