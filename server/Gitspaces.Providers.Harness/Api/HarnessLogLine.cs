namespace Gitspaces.Providers.Harness.Api;

/// <summary>One <c>log_line_appended</c> SSE payload: <c>{"pos":n,"out":"INFO: …","time":unixMs}</c>.</summary>
public sealed record HarnessLogLine
{
    /// <summary>Gets the line's position in the operation's log.</summary>
    public long Pos { get; init; }

    /// <summary>Gets the text.</summary>
    public string? Out { get; init; }

    /// <summary>Gets when it was written, in unix milliseconds.</summary>
    public long Time { get; init; }
}
